"use server";

import { z } from "zod";
import { mailApplicationApproved, mailApplicationRejected } from "@/lib/domain/people/application-mail";
import { approveApplicant, rejectApplicant } from "@/lib/domain/people/applicant-signup";
import { approveLoginRequest, mailLoginApproved, rejectLoginRequest } from "@/lib/domain/people/login-requests";
import { parseId } from "@/lib/domain/shared/ids";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt, formString } from "@/lib/web/people-forms";

// The domain checks members.write (and rank); here only who is asking and what the form says.
const applicantLabels = { status: "people.col.status", reason: "person.reason" } as const;

export const approveApplicantAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number() }),
  read: (formData) => ({ personId: formInt(formData, "personId") }),
  refusals: peopleRefusal(applicantLabels),
  revalidate: [["/admin/people", "layout"]],
  async run({ actor, db, t, input: { personId } }) {
    const approved = await approveApplicant(db, actor.personId, personId);
    if (!approved.ok) return approved;
    await mailApplicationApproved(db, getMailer(), personId);
    notifySubscribersSoon();
    return { ok: true, message: t("applicants.approved") };
  },
});

export const rejectApplicantAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number(), reason: z.string() }),
  read: (formData) => ({ personId: formInt(formData, "personId"), reason: formString(formData, "reason") }),
  labels: applicantLabels,
  refusals: peopleRefusal(applicantLabels),
  revalidate: [["/admin/people", "layout"]],
  async run({ actor, db, t, input: { personId, reason } }) {
    const rejected = await rejectApplicant(db, actor.personId, personId, reason);
    if (!rejected.ok) return rejected;
    await mailApplicationRejected(db, getMailer(), personId);
    notifySubscribersSoon();
    return { ok: true, message: t("applicants.rejected") };
  },
});

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
