"use server";

import { userWithPermission } from "@/lib/auth/guards";
import { reportView, type ReportView } from "@/lib/domain/import/fabomatic/describe-report";
import { applyFabomaticImport } from "@/lib/domain/import/fabomatic/import-fabomatic";
import { deleteImportUpload, getImportUpload } from "@/lib/domain/import/uploads";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

export interface FabImportState {
  result: ActionResult | null;
  report?: ReportView;
  /** People this import created, for "invite the imported people". */
  createdPersonIds?: number[];
}

/** Applies the upload whose dry run the admin saw (decided again against the database as it is now). */
export async function applyFabomaticUploadAction(_prev: FabImportState, formData: FormData): Promise<FabImportState> {
  const [user, t] = await Promise.all([userWithPermission("system.admin"), getT()]);
  if (!user) return { result: { ok: false, code: "forbidden", message: t("fabImport.error.forbidden") } };
  const uploadId = Number(formData.get("uploadId"));
  const db = getDb();
  const found = Number.isSafeInteger(uploadId) ? await getImportUpload(db, user.personId, { source: "fabomatic", uploadId }) : null;
  if (!found?.ok) return { result: { ok: false, code: "upload_gone", message: t("fabImport.error.upload_gone") } };
  const result = await applyFabomaticImport(db, user.personId, { bytes: found.upload.bytes, fileName: found.upload.fileName });
  if (!result.ok) return { result: { ok: false, code: result.code, message: t(`fabImport.error.${result.code}`) } };
  // No revalidatePath: the page would render again for an upload that is gone and replace this result.
  await deleteImportUpload(db, uploadId);
  const sum = (what: "created" | "updated") => Object.values(result.report.counts).reduce((n, c) => n + c[what], 0);
  const message = result.report.nothingToDo ? t("fabImport.nothingToDo") : t("fabImport.done", { created: sum("created"), updated: sum("updated") });
  return { result: { ok: true, message }, report: reportView(t, result.report), createdPersonIds: result.report.createdPersonIds };
}
