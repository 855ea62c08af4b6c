"use client";

import Link from "next/link";
import { useActionState } from "react";
import { peopleImportAction, type PeopleImportState } from "./actions";
import { buttonClass, linkClass } from "@/components/ui/styles";
import { FormMessage } from "@/components/forms/form-message";

type Labels = Record<"file" | "paste" | "preview" | "confirm" | "confirmSkipping" | "line" | "field" | "problem" | "name" | "email" | "status" | "card" | "good" | "bad" | "invite", string>;

/** Step 1: a file (or pasted text) is checked and shown; step 2: the admin confirms exactly that text. */
export function PeopleImportForm({ labels }: { labels: Labels }) {
  const [state, formAction] = useActionState(peopleImportAction, { result: null } as PeopleImportState);
  const preview = state.done ? undefined : state.preview;
  const badLines = preview ? [...new Set(preview.errors.map((e) => e.line))] : [];
  const headerBroken = badLines.includes(1);
  const th = "px-3 py-2 font-medium";
  return (
    <div className="space-y-4">
      <FormMessage result={state.result} />
      {state.done && state.done.created > 0 && (
        <p>
          <Link href="/admin/people/invite" className={linkClass}>{labels.invite}</Link>
        </p>
      )}
      <form action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-label={labels.preview}>
        <input type="hidden" name="mode" value="preview" />
        <label className="block text-sm font-medium" htmlFor="people-import-file">{labels.file}</label>
        <input id="people-import-file" name="file" type="file" accept=".csv,text/csv" className="block" />
        <label className="block text-sm font-medium" htmlFor="people-import-csv">{labels.paste}</label>
        <textarea id="people-import-csv" name="csv" rows={5} className="block w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm" />
        <button type="submit" className={buttonClass}>{labels.preview}</button>
      </form>
      {preview && preview.errors.length > 0 && (
        <section aria-label={labels.bad} className="overflow-x-auto rounded border border-red-200 bg-white">
          <h2 className="px-3 pt-2 font-semibold text-red-900">{labels.bad}</h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-red-50"><tr><th className={th}>{labels.line}</th><th className={th}>{labels.field}</th><th className={th}>{labels.problem}</th></tr></thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i} className="border-t border-red-100">
                  <td className="px-3 py-2">{e.line}</td>
                  <td className="px-3 py-2 font-mono">{e.field || "–"}</td>
                  <td className="px-3 py-2">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {preview && preview.rows.length > 0 && (
        <section aria-label={labels.good} className="overflow-x-auto rounded border border-slate-200 bg-white">
          <h2 className="px-3 pt-2 font-semibold">{labels.good}</h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100"><tr><th className={th}>{labels.line}</th><th className={th}>{labels.name}</th><th className={th}>{labels.email}</th><th className={th}>{labels.status}</th><th className={th}>{labels.card}</th></tr></thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className="border-t border-slate-100">
                  <td className="px-3 py-2">{r.line}</td>
                  <td className="px-3 py-2">{`${r.profile.firstName} ${r.profile.lastName ?? ""}`.trim()}</td>
                  <td className="px-3 py-2">{r.profile.email ?? ""}</td>
                  <td className="px-3 py-2">{r.statusKey}</td>
                  <td className="px-3 py-2 font-mono">{r.cardUid ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {preview && preview.rows.length > 0 && !headerBroken && (
        <form action={formAction}>
          <input type="hidden" name="mode" value="confirm" />
          <input type="hidden" name="skipLines" value={badLines.join(",")} />
          <textarea name="csv" hidden readOnly value={state.csv ?? ""} />
          <button type="submit" className={buttonClass}>{badLines.length ? labels.confirmSkipping : labels.confirm}</button>
        </form>
      )}
    </div>
  );
}
