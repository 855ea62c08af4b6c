"use client";

import { useActionState } from "react";
import { importAction, type ImportState } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { buttonClass } from "@/components/ui/styles";

/** Step 1: pick a file (or paste) and preview; step 2: confirm exactly the previewed text. */
export function ImportForm({ labels }: { labels: Record<string, string> }) {
  const [state, formAction] = useActionState(importAction, { result: null } as ImportState);
  const preview = state.preview;
  return (
    <div className="space-y-4">
      <FormMessage result={state.result} />
      <form action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <input type="hidden" name="mode" value="preview" />
        <label className="block text-sm font-medium" htmlFor="import-file">{labels.file}</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="block" />
        <label className="block text-sm font-medium" htmlFor="import-csv">{labels.paste}</label>
        <textarea id="import-csv" name="csv" rows={5} className="block w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm" />
        <button type="submit" className={buttonClass}>{labels.preview}</button>
      </form>
      {preview && (
        <div className="space-y-3">
          {preview.fileErrors.map((e) => <p key={e} role="alert" className="text-sm text-red-800">{e}</p>)}
          {preview.rows.length > 0 && (
            <div className="overflow-x-auto rounded border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100"><tr><th className="px-3 py-2">{labels.line}</th><th className="px-3 py-2">{labels.name}</th><th className="px-3 py-2">{labels.location}</th><th className="px-3 py-2">{labels.problems}</th></tr></thead>
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
            <form action={formAction}>
              <input type="hidden" name="mode" value="confirm" />
              <textarea name="csv" hidden readOnly value={state.csv ?? ""} />
              <button type="submit" className={buttonClass}>{labels.confirm}</button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
