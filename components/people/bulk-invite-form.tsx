"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { SelectField } from "@/components/ui/field";
import { fieldError, type ActionResult } from "@/lib/web/action-result";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Button } from "@/components/ui/button";

/** What one batch answers: how it went, where the next starts, and how many are left. */
export interface BulkInviteStep {
  report: { sent: number; skippedNoEmail: number; skippedPending: number; skippedAbove: number; failed: { personId: number; email: string }[] };
  cursor: number;
  done: boolean;
  remaining: number;
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
  /** One batch after the form's `afterPersonId` (a server action made by defineAction, which the route passes in). */
  step: (previous: ActionResult<BulkInviteStep> | null, formData: FormData) => Promise<ActionResult<BulkInviteStep>>;
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
  const [refused, setRefused] = useState<ActionResult<BulkInviteStep> | null>(null);
  const [total, setTotal] = useState<BulkInviteStep["report"] | null>(null);
  const error = refused && !refused.ok ? refused.message : null;

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRunning(true);
    setFinished(false);
    setRefused(null);
    const sum = { sent: 0, skippedNoEmail: 0, skippedPending: 0, skippedAbove: 0, failed: [] as { personId: number; email: string }[] };
    let cursor = 0;
    let done = 0;
    try {
      for (;;) {
        form.set("afterPersonId", String(cursor));
        const result = await step(null, form);
        if (!result.ok || !result.data) {
          setRefused(result);
          break;
        }
        const r = result.data.report;
        sum.sent += r.sent;
        sum.skippedNoEmail += r.skippedNoEmail;
        sum.skippedPending += r.skippedPending;
        sum.skippedAbove += r.skippedAbove;
        sum.failed.push(...r.failed);
        done += r.sent + r.skippedNoEmail + r.skippedPending + r.skippedAbove + r.failed.length;
        cursor = result.data.cursor;
        setProgress({ done, remaining: result.data.remaining });
        setTotal({ ...sum, failed: [...sum.failed] });
        if (result.data.done) {
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
        <SelectField label={statusLabel} name="statusId" id="bulk-invite-status" disabled={running} error={fieldError(refused, "statusId")}>
          {statusOptions}
        </SelectField>
        <Button type="submit" disabled={running}>
          {labels.submit}
        </Button>
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
        <Card id="invite-report" title={labels.report}>
          <Table look="bare" labelledBy="invite-report">
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
                  <Th scope="row" className="pr-4 text-left font-normal">
                    {label}
                  </Th>
                  <Td numeric>{count}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {total.failed.length > 0 && (
            <p className="mt-2 text-sm text-red-800">{fill(labels.failedList, { emails: total.failed.map((f) => f.email).join(", ") })}</p>
          )}
        </Card>
      )}
    </div>
  );
}
