"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { subscribeToChanges, unsubscribeFromChanges } from "@/lib/domain/audit/subscriptions";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** An admin subscribes themself to a change type; the domain checks audit.read. */
export async function subscribeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const changeType = String(formData.get("changeType") ?? "").trim();
  const result = await subscribeToChanges(getDb(), user.personId, changeType);
  if (!result.ok) return { ok: false, code: result.code, message: result.code === "forbidden" ? t("people.error.forbidden") : t("audit.subs.invalid"), values: { changeType } };
  revalidatePath("/admin/audit");
  return { ok: true, message: t("audit.subs.added") };
}

/** Only the asker's own subscriptions can be removed (the domain matches the person). */
export async function unsubscribeAction(subscriptionId: number, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  await unsubscribeFromChanges(getDb(), user.personId, subscriptionId);
  revalidatePath("/admin/audit");
  return { ok: true, message: t("audit.subs.removed") };
}
