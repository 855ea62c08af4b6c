"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setWeeklySummary } from "@/lib/domain/usage/weekly-summary";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** The logged-in person's own weekly summary opt-in; the domain refuses it without the permission. */
export async function setWeeklySummaryAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const enabled = formData.get("weeklySummary") === "on";
  const result = await setWeeklySummary(getDb(), user.personId, enabled);
  if (!result.ok) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  revalidatePath("/profile");
  return { ok: true, message: t(enabled ? "summary.optin.on" : "summary.optin.off") };
}
