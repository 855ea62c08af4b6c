"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { confirmImport, previewImport, type ImportPreview } from "@/lib/domain/inventory/csv-import";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { csvFromForm } from "@/lib/web/csv-upload";
import { getDb } from "@/lib/web/db";

export interface ImportState {
  result: ActionResult | null;
  preview?: ImportPreview;
  /** The checked file's text, sent back with "confirm" so exactly what was previewed is imported. */
  csv?: string;
}

export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user?.permissions.has("inventory.write")) return { result: { ok: false, code: "forbidden", message: t("inv.error.forbidden") } };
  const csv = await csvFromForm(formData);
  if (csv === null) return { result: { ok: false, code: "invalid", message: t("inv.import.tooLarge") } };
  if (formData.get("mode") !== "confirm") {
    const preview = await previewImport(getDb(), csv);
    const message = preview.valid ? t("inv.import.readyToImport", { count: preview.rows.length }) : t("inv.import.hasErrors");
    return { result: { ok: preview.valid, code: "invalid", message }, preview, csv };
  }
  const result = await confirmImport(getDb(), user.personId, csv);
  if (result.ok) {
    revalidatePath("/things", "layout");
    return { result: { ok: true, message: t("inv.import.done", { count: result.created.length }) } };
  }
  if ("rows" in result) return { result: { ok: false, code: "invalid", message: t("inv.import.hasErrors") }, preview: result, csv };
  return { result: { ok: false, code: result.code, message: t(`inv.error.${result.code}`) } };
}
