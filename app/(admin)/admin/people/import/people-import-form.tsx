"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { peopleImportAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { useRestoredValues } from "@/components/forms/action-form";
import { FormMessage } from "@/components/forms/form-message";
import { FormResultContext } from "@/components/forms/form-result-context";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/card";

type Labels = Record<
  | "title"
  | "file"
  | "paste"
  | "preview"
  | "confirm"
  | "confirmSkipping"
  | "line"
  | "field"
  | "problem"
  | "name"
  | "email"
  | "status"
  | "card"
  | "good"
  | "bad"
  | "invite",
  string
>;

/** Step 1: a file (or pasted text) is checked and shown; step 2: the admin confirms exactly that text. */
export function PeopleImportForm({ labels }: { labels: Labels }) {
  const [result, formAction] = useActionState(peopleImportAction, null);
  const ref = useRef<HTMLFormElement>(null);
  useRestoredValues(ref, result);
  const data = result?.data;
  const preview = data?.preview;
  const badLines = preview ? [...new Set(preview.errors.map((e) => e.line))] : [];
  const headerBroken = badLines.includes(1);
  const th = "px-3 py-2 font-medium";
  return (
    <div className="space-y-4">
      <FormMessage result={result} />
      {data?.done && data.done.created > 0 && (
        <p>
          <Link href="/admin/people/invite" className={linkClass}>
            {labels.invite}
          </Link>
        </p>
      )}
      <Card id="people-import-upload" title={labels.title} titleHidden>
        <form ref={ref} action={formAction} className="space-y-3" aria-label={labels.preview}>
          <FormResultContext value={result}>
            <TextField label={labels.file} name="file" id="people-import-file" type="file" accept=".csv,text/csv" className="block" />
            <TextAreaField label={labels.paste} name="csv" id="people-import-csv" rows={5} />
            <SubmitButton>{labels.preview}</SubmitButton>
          </FormResultContext>
        </form>
      </Card>
      {preview && preview.errors.length > 0 && (
        <section aria-label={labels.bad} className="overflow-x-auto rounded border border-red-200 bg-white">
          <h2 className="px-3 pt-2 font-semibold text-red-900">{labels.bad}</h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-red-50">
              <tr>
                <th className={th}>{labels.line}</th>
                <th className={th}>{labels.field}</th>
                <th className={th}>{labels.problem}</th>
              </tr>
            </thead>
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
            <thead className="bg-slate-100">
              <tr>
                <th className={th}>{labels.line}</th>
                <th className={th}>{labels.name}</th>
                <th className={th}>{labels.email}</th>
                <th className={th}>{labels.status}</th>
                <th className={th}>{labels.card}</th>
              </tr>
            </thead>
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
        <form action={formAction} aria-label={badLines.length ? labels.confirmSkipping : labels.confirm}>
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="skipLines" value={badLines.join(",")} />
          <textarea name="checkedCsv" hidden readOnly value={data?.csv ?? ""} />
          <SubmitButton>{badLines.length ? labels.confirmSkipping : labels.confirm}</SubmitButton>
        </form>
      )}
    </div>
  );
}
