"use client";

import { useState, type FormEvent, type ReactNode } from "react";

export interface BulkInviteStepResult {
  ok: boolean;
  message?: string;
  report?: { sent: number; skippedNoEmail: number; skippedPending: number; skippedAbove: number; failed: { personId: number; email: string }[] };
  cursor?: number;
  done?: boolean;
  remaining?: number;
}

interface Labels {
  submit: string;
  progress: string;
  done: string;
  report: string;
  sent: string;
  skippedNoEmail: string;
  skippedPending: string;
  skippedAbove: string;
  failed: string;
  failedList: string;
}

interface Props {
  /** One batch after `cursor` (a server action the route passes in). */
  step: (input: { statusId: number | null; cursor: number }) => Promise<BulkInviteStepResult>;
  /** The status filter's <option>s. */
  statusOptions: ReactNode;
  statusLabel: string;
  labels: Labels;
}

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** Sends the invitations batch by batch, showing the progress in between and the report at the end. */
export function BulkInviteForm({ step, statusOptions, statusLabel, labels }: Props) {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; remaining: number } | null>(null);
  const [finished, setFinished] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [total, setTotal] = useState<NonNullable<BulkInviteStepResult["report"]> | null>(null);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get("statusId");
    const statusId = raw ? Number(raw) : null;
    setRunning(true);
    setFinished(false);
    setError(null);
    const sum = { sent: 0, skippedNoEmail: 0, skippedPending: 0, skippedAbove: 0, failed: [] as { personId: number; email: string }[] };
    let cursor = 0;
    let done = 0;
    try {
      for (;;) {
        const result = await step({ statusId, cursor });
        if (!result.ok || !result.report) {
          setError(result.message ?? "");
          break;
        }
        const r = result.report;
        sum.sent += r.sent;
        sum.skippedNoEmail += r.skippedNoEmail;
        sum.skippedPending += r.skippedPending;
        sum.skippedAbove += r.skippedAbove;
        sum.failed.push(...r.failed);
        done += r.sent + r.skippedNoEmail + r.skippedPending + r.skippedAbove + r.failed.length;
        cursor = result.cursor ?? cursor;
        setProgress({ done, remaining: result.remaining ?? 0 });
        setTotal({ ...sum, failed: [...sum.failed] });
        if (result.done) {
          setFinished(true);
          break;
        }
      }
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={run} className="flex flex-wrap items-end gap-3" aria-label={labels.submit}>
        <div>
          <label htmlFor="bulk-invite-status" className="block text-sm font-medium text-slate-700">
            {statusLabel}
          </label>
          <select id="bulk-invite-status" name="statusId" className="mt-1 rounded border border-slate-300 px-3 py-2" disabled={running}>
            {statusOptions}
          </select>
        </div>
        <button type="submit" disabled={running} className="rounded bg-slate-800 px-4 py-2 text-white hover:bg-slate-700 disabled:opacity-50">
          {labels.submit}
        </button>
      </form>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      {progress && (
        <p role="status" className="text-sm text-slate-700">
          {finished ? labels.done : fill(labels.progress, progress)}
        </p>
      )}
      {total && (
        <section aria-label={labels.report} className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">{labels.report}</h2>
          <table className="text-sm">
            <tbody>
              {(
                [
                  [labels.sent, total.sent],
                  [labels.skippedNoEmail, total.skippedNoEmail],
                  [labels.skippedPending, total.skippedPending],
                  [labels.skippedAbove, total.skippedAbove],
                  [labels.failed, total.failed.length],
                ] as const
              ).map(([label, count]) => (
                <tr key={label}>
                  <th scope="row" className="pr-4 text-left font-normal">
                    {label}
                  </th>
                  <td className="text-right tabular-nums">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total.failed.length > 0 && (
            <p className="mt-2 text-sm text-red-800">{fill(labels.failedList, { emails: total.failed.map((f) => f.email).join(", ") })}</p>
          )}
        </section>
      )}
    </div>
  );
}
