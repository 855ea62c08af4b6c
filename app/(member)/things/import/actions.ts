"use server";

import { confirmImport, previewImport, type ImportPreview } from "@/lib/domain/inventory/csv-import";
import { isMessageKey } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { importForm, readImportForm } from "@/lib/web/csv-upload";

/** What the page shows beside the message: the checked rows, and the text that was checked (sent back to confirm). */
export interface ThingsImportData {
  preview: ImportPreview;
  csv: string;
}
type Refused = { ok: false; code: string; message: string; data?: ThingsImportData };

/**
 * Step 1 (preview) checks the file and writes nothing; step 2 (confirm) imports exactly the previewed text, checked
 * again in the domain. A file with problems is refused with its preview, which names them row by row.
 */
export const importAction = defineAction({
  caller: "inventory.write",
  input: importForm,
  read: (formData) => readImportForm(formData, "inv.import.tooLarge"),
  labels: { csv: "inv.import.paste" },
  refusals: (refusal: Refused, t) => {
    if (refusal.code === "rows") return t("inv.import.hasErrors");
    const key = `inv.error.${refusal.code}`;
    return t(isMessageKey(key) ? key : "inv.error.invalid");
  },
  revalidate: [["/things", "layout"]],
  async run({ actor, db, t, input: { intent, csv } }): Promise<Refused | { ok: true; message: string; data?: ThingsImportData }> {
    if (intent === "preview") {
      const preview = await previewImport(db, csv);
      if (!preview.valid) return { ok: false, code: "rows", message: "", data: { preview, csv } };
      return { ok: true, message: t("inv.import.readyToImport", { count: preview.rows.length }), data: { preview, csv } };
    }
    const result = await confirmImport(db, actor.personId, csv);
    if (result.ok) return { ok: true, message: t("inv.import.done", { count: result.created.length }) };
    if ("rows" in result)
      return { ok: false, code: "rows", message: "", data: { preview: { rows: result.rows, fileErrors: result.fileErrors, valid: false }, csv } };
    return result;
  },
});
