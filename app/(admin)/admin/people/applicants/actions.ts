"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { approveApplicant, rejectApplicant } from "@/lib/domain/people/applicant-signup";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt, formString } from "@/lib/web/people-forms";

/** The domain checks members.write; here only who is asking and what the form says. */
export async function approveApplicantAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await approveApplicant(getDb(), user.personId, formInt(formData, "personId"));
  if (!result.ok) return refusal(t, result, formData, { status: t("people.col.status") });
  notifySubscribersSoon();
  revalidatePath("/admin/people", "layout");
  return { ok: true, message: t("applicants.approved") };
}

export async function rejectApplicantAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await rejectApplicant(getDb(), user.personId, formInt(formData, "personId"), formString(formData, "reason"));
  if (!result.ok) return refusal(t, result, formData, { reason: t("person.reason"), status: t("people.col.status") });
  notifySubscribersSoon();
  revalidatePath("/admin/people", "layout");
  return { ok: true, message: t("applicants.rejected") };
}
