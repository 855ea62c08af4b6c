"use client";

import { useActionState, useRef } from "react";
import { importAction } from "./actions";
import { useRestoredValues } from "@/components/forms/action-form";
import { FormMessage } from "@/components/forms/form-message";
import { FormResultContext } from "@/components/forms/form-result-context";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

/** Step 1: pick a file (or paste) and preview; step 2: confirm exactly the previewed text. */
export function ImportForm({ labels }: { labels: Record<string, string> }) {
  const [result, formAction] = useActionState(importAction, null);
  const ref = useRef<HTMLFormElement>(null);
  useRestoredValues(ref, result);
  const checked = result?.data;
  const preview = checked?.preview;
  return (
    <div className="space-y-4">
      <FormMessage result={result} />
      <Card id="import-upload" title={labels.title} titleHidden>
        <form ref={ref} action={formAction} className="space-y-3" aria-label={labels.preview}>
          <FormResultContext value={result}>
            <TextField label={labels.file!} name="file" id="import-file" type="file" accept=".csv,text/csv" className="block" />
            <TextAreaField label={labels.paste!} name="csv" id="import-csv" rows={5} />
            <SubmitButton>{labels.preview}</SubmitButton>
          </FormResultContext>
        </form>
      </Card>
      {preview && (
        <div className="space-y-3">
          {preview.fileErrors.map((e) => (
            <p key={e} role="alert" className="text-sm text-red-800">
              {e}
            </p>
          ))}
          {preview.rows.length > 0 && (
            <Table look="boxed" label={labels.title!}>
              <thead>
                <tr>
                  <Th>{labels.line}</Th>
                  <Th>{labels.name}</Th>
                  <Th>{labels.location}</Th>
                  <Th>{labels.problems}</Th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "bg-red-50" : ""}>
                    <Td>{r.line}</Td>
                    <Td>{r.name}</Td>
                    <Td>{r.location}</Td>
                    <Td className="text-red-800">{r.errors.join("; ") || "✓"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {preview.valid && (
            <form action={formAction} aria-label={labels.confirm}>
              <input type="hidden" name="intent" value="confirm" />
              <textarea name="checkedCsv" hidden readOnly value={checked.csv} />
              <SubmitButton>{labels.confirm}</SubmitButton>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
