"use server";

import { z } from "zod";
import { commitImport, previewImport, type ImportPreview } from "@/lib/domain/people/import-people";
import type { Failure } from "@/lib/domain/people/result";
import { defineAction } from "@/lib/web/action";
import { importForm, readImportForm } from "@/lib/web/csv-upload";
import { text } from "@/lib/web/form-data";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";

/**
 * What the page shows beside the message: the checked rows and the text that was checked (sent back with "confirm"
 * so exactly what was previewed is imported), or after the import how many people it made.
 */
export interface PeopleImportData {
  preview?: ImportPreview;
  csv?: string;
  done?: { created: number; skipped: number };
}
type Refused = { ok: false; code: string; message: string; field?: string; data?: PeopleImportData };

/** Preview writes nothing; confirm re-checks the whole file in the domain and skips only the lines shown as bad. */
export const peopleImportAction = defineAction({
  caller: "members.write",
  input: importForm.extend({ skipLines: z.array(z.number().int()) }),
  read: async (formData) => ({
    ...(await readImportForm(formData, "peopleImport.tooLarge")),
    skipLines: text(formData, "skipLines")
      .split(",")
      .map((s) => Number.parseInt(s, 10))
      .filter((n) => Number.isSafeInteger(n)),
  }),
  labels: { csv: "peopleImport.paste", skipLines: "peopleImport.line" },
  refusals: (refusal: Refused, t) => {
    const preview = refusal.data?.preview;
    if (refusal.code === "rows") return t("peopleImport.hasErrors", { errors: preview?.errors.length ?? 0, rows: preview?.rows.length ?? 0 });
    if (refusal.code === "changed") return t("peopleImport.changed");
    return peopleRefusal()(refusal as Failure, t);
  },
  revalidate: [["/admin/people", "layout"]],
  async run({ actor, db, t, input: { intent, csv, skipLines } }): Promise<Refused | { ok: true; message: string; data: PeopleImportData }> {
    if (intent === "preview") {
      const preview = await previewImport(db, csv);
      if (preview.errors.length) return { ok: false, code: "rows", message: "", data: { preview, csv } };
      return { ok: true, message: t("peopleImport.ready", { rows: preview.rows.length }), data: { preview, csv } };
    }
    const result = await commitImport(db, actor.personId, csv, { skipLines });
    if (result.ok) {
      notifySubscribersSoon();
      return {
        ok: true,
        message: t("peopleImport.done", { created: result.created, skipped: result.skipped }),
        data: { done: { created: result.created, skipped: result.skipped } },
      };
    }
    if (result.code === "rows") return { ok: false, code: "changed", message: "", data: { preview: await previewImport(db, csv), csv } };
    return result;
  },
});
