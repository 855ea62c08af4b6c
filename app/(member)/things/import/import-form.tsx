"use client";

import { useActionState, useRef } from "react";
import { importAction } from "./actions";
import { useRestoredValues } from "@/components/forms/action-form";
import { FormMessage } from "@/components/forms/form-message";
import { FormResultContext } from "@/components/forms/form-result-context";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/card";

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
            <div className="overflow-x-auto rounded border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th className="px-3 py-2">{labels.line}</th>
                    <th className="px-3 py-2">{labels.name}</th>
                    <th className="px-3 py-2">{labels.location}</th>
                    <th className="px-3 py-2">{labels.problems}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className={r.errors.length ? "bg-red-50" : ""}>
                      <td className="px-3 py-2">{r.line}</td>
                      <td className="px-3 py-2">{r.name}</td>
                      <td className="px-3 py-2">{r.location}</td>
                      <td className="px-3 py-2 text-red-800">{r.errors.join("; ") || "✓"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
