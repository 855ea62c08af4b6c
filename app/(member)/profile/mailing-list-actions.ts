"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setOptIn } from "@/lib/domain/mailing-lists/opt-ins";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** The logged-in person's own opt-ins: each opt-in list's checkbox in one form. */
export async function setMailingListsAction(listIds: number[], _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("ml.error.forbidden") };
  const chosen = new Set(formData.getAll("listId").map(Number));
  for (const id of listIds) {
    const result = await setOptIn(getDb(), user.personId, id, chosen.has(id));
    if (!result.ok) return { ok: false, code: result.code, message: t(`ml.error.${result.code}`) };
  }
  revalidatePath("/profile");
  return { ok: true, message: t("ml.optIns.saved") };
}
