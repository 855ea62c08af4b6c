"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { mailApplicationApproved, mailApplicationRejected } from "@/lib/domain/people/application-mail";
import { approveApplicant, rejectApplicant } from "@/lib/domain/people/applicant-signup";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt, formString } from "@/lib/web/people-forms";

/** The domain checks members.write; here only who is asking and what the form says. */
export async function approveApplicantAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await approveApplicant(getDb(), user.personId, personId);
  if (!result.ok) return refusal(t, result, formData, { status: t("people.col.status") });
  await mailApplicationApproved(getDb(), getMailer(), personId);
  notifySubscribersSoon();
  revalidatePath("/admin/people", "layout");
  return { ok: true, message: t("applicants.approved") };
}

export async function rejectApplicantAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await rejectApplicant(getDb(), user.personId, personId, formString(formData, "reason"));
  if (!result.ok) return refusal(t, result, formData, { reason: t("person.reason"), status: t("people.col.status") });
  await mailApplicationRejected(getDb(), getMailer(), personId);
  notifySubscribersSoon();
  revalidatePath("/admin/people", "layout");
  return { ok: true, message: t("applicants.rejected") };
}
