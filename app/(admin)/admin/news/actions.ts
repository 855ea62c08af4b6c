"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createNews, deleteNews, updateNews } from "@/lib/domain/community/news";
import type { Failure } from "@/lib/domain/community/result";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { int, text, typedValues } from "@/lib/web/form-data";

async function refusal(failure: Failure, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const message = failure.code === "invalid" ? t("com.error.invalid", { detail: failure.message }) : t(`com.error.${failure.code}`);
  return { ok: false, code: failure.code, message, values: typedValues(formData) };
}

function changed() {
  revalidatePath("/admin/news");
  revalidatePath("/");
}

export async function createNewsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const result = await createNews(getDb(), user.personId, { title: text(formData, "title"), body: text(formData, "body") });
  if (!result.ok) return refusal(result, formData);
  changed();
  return { ok: true, message: t("com.newsAdmin.created") };
}

export async function updateNewsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const id = int(formData, "id");
  const result =
    formData.get("intent") === "delete"
      ? await deleteNews(getDb(), user.personId, id)
      : await updateNews(getDb(), user.personId, id, { title: text(formData, "title"), body: text(formData, "body") });
  if (!result.ok) return refusal(result, formData);
  changed();
  return { ok: true, message: t(formData.get("intent") === "delete" ? "com.newsAdmin.deleted" : "com.newsAdmin.saved") };
}
