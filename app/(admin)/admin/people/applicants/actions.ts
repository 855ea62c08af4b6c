"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { mailApplicationApproved, mailApplicationRejected } from "@/lib/domain/people/application-mail";
import { approveApplicant, rejectApplicant } from "@/lib/domain/people/applicant-signup";
import { approveLoginRequest, mailLoginApproved, rejectLoginRequest } from "@/lib/domain/people/login-requests";
import { parseId } from "@/lib/domain/shared/ids";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
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

const loginRequest = z.object({ requestId: z.number().int().positive() });
const readRequest = (formData: FormData) => ({ requestId: parseId(text(formData, "requestId")) });

/** A login request for a person already here: the domain checks members.write and that the actor outranks them. */
export const approveLoginRequestAction = defineAction({
  caller: "user",
  input: loginRequest,
  read: readRequest,
  refusals: "people.error",
  revalidate: [["/admin/people", "layout"]],
  async run({ actor, db, t, input }) {
    const result = await approveLoginRequest(db, actor.personId, input.requestId);
    if (!result.ok) return result;
    await mailLoginApproved(db, getMailer(), result.personId);
    return { ok: true, message: t("loginRequests.approved") };
  },
});

export const rejectLoginRequestAction = defineAction({
  caller: "user",
  input: loginRequest,
  read: readRequest,
  refusals: "people.error",
  revalidate: [["/admin/people", "layout"]],
  async run({ actor, db, t, input }) {
    const result = await rejectLoginRequest(db, actor.personId, input.requestId);
    return result.ok ? { ok: true, message: t("loginRequests.rejected") } : result;
  },
});
