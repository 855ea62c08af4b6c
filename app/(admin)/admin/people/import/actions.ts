"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { commitImport, previewImport, type ImportPreview } from "@/lib/domain/people/import-people";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { csvFromForm } from "@/lib/web/csv-upload";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon } from "@/lib/web/people-actions";

export interface PeopleImportState {
  result: ActionResult | null;
  preview?: ImportPreview;
  /** The checked text, sent back with "confirm" so exactly what was previewed is imported (and checked again). */
  csv?: string;
  done?: { created: number; skipped: number };
}

/** Preview writes nothing; confirm re-checks the whole file in the domain and skips only the lines shown as bad. */
export async function peopleImportAction(_prev: PeopleImportState, formData: FormData): Promise<PeopleImportState> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user?.permissions.has("members.write")) return { result: { ok: false, code: "forbidden", message: t("people.error.forbidden") } };
  const csv = await csvFromForm(formData);
  if (csv === null) return { result: { ok: false, code: "invalid", message: t("peopleImport.tooLarge") } };
  const db = getDb();
  if (formData.get("mode") !== "confirm") {
    const preview = await previewImport(db, csv);
    const result: ActionResult = preview.errors.length
      ? { ok: false, code: "rows", message: t("peopleImport.hasErrors", { errors: preview.errors.length, rows: preview.rows.length }) }
      : { ok: true, message: t("peopleImport.ready", { rows: preview.rows.length }) };
    return { result, preview, csv };
  }
  const skipLines = String(formData.get("skipLines") ?? "")
    .split(",")
    .map((s) => Number.parseInt(s, 10))
    .filter((n) => Number.isSafeInteger(n));
  const result = await commitImport(db, user.personId, csv, { skipLines });
  if (result.ok) {
    notifySubscribersSoon();
    revalidatePath("/admin/people", "layout");
    return { result: { ok: true, message: t("peopleImport.done", { created: result.created, skipped: result.skipped }) }, done: result };
  }
  if (result.code === "rows") {
    const preview = await previewImport(db, csv);
    return { result: { ok: false, code: "rows", message: t("peopleImport.changed") }, preview, csv };
  }
  return { result: { ok: false, code: result.code, message: t(`people.error.${result.code}`, { field: "" }) } };
}
