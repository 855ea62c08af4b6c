"use server";

import { z } from "zod";
import { reportView, type ReportView } from "@/lib/domain/import/fabomatic/describe-report";
import { applyFabomaticImport } from "@/lib/domain/import/fabomatic/import-fabomatic";
import { getImportUpload } from "@/lib/domain/import/uploads";
import { defineAction } from "@/lib/web/action";

/** What the page shows after the import: its own report. */
export interface FabImportDone {
  report: ReportView;
}

/**
 * Applies the upload (bound: its id) whose dry run the admin saw, decided again against the database as it is now.
 * The upload stays (uploads go after a day; applying it again changes nothing): a form posted before the page has
 * hydrated, or without JavaScript, renders the page again after the action, and that page must still find the
 * upload to show this result (it said "no longer here" over an import that had happened). No revalidation.
 */
export const applyFabomaticUploadAction = defineAction({
  caller: "system.admin",
  input: z.object({}),
  bound: z.tuple([z.number().int().positive()]),
  refusals: "fabImport.error",
  async run({ actor, db, t }, uploadId): Promise<{ ok: false; code: string; message: string } | { ok: true; message: string; data: FabImportDone }> {
    const found = await getImportUpload(db, actor.personId, { source: "fabomatic", uploadId });
    if (!found.ok) return { ok: false, code: "upload_gone", message: "" };
    const result = await applyFabomaticImport(db, actor.personId, { bytes: found.upload.bytes, fileName: found.upload.fileName });
    if (!result.ok) return result;
    const sum = (what: "created" | "updated") => Object.values(result.report.counts).reduce((n, c) => n + c[what], 0);
    const message = result.report.nothingToDo ? t("fabImport.nothingToDo") : t("fabImport.done", { created: sum("created"), updated: sum("updated") });
    return { ok: true, message, data: { report: reportView(t, result.report) } };
  },
});
