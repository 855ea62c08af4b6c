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
import { Table, Td, Th } from "@/components/ui/table";

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
        <section aria-label={labels.bad}>
          <Table look="boxed" tone="danger" caption={labels.bad}>
            <thead>
              <tr>
                <Th>{labels.line}</Th>
                <Th>{labels.field}</Th>
                <Th>{labels.problem}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i}>
                  <Td>{e.line}</Td>
                  <Td className="font-mono">{e.field || "–"}</Td>
                  <Td>{e.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
      {preview && preview.rows.length > 0 && (
        <section aria-label={labels.good}>
          <Table look="boxed" caption={labels.good}>
            <thead>
              <tr>
                <Th>{labels.line}</Th>
                <Th>{labels.name}</Th>
                <Th>{labels.email}</Th>
                <Th>{labels.status}</Th>
                <Th>{labels.card}</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <Td>{r.line}</Td>
                  <Td>{`${r.profile.firstName} ${r.profile.lastName ?? ""}`.trim()}</Td>
                  <Td>{r.profile.email ?? ""}</Td>
                  <Td>{r.statusKey}</Td>
                  <Td className="font-mono">{r.cardUid ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
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
