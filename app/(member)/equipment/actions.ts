"use server";

import { z } from "zod";
import { requestInput, requestTraining, withdrawRequest } from "@/lib/domain/training/request-service";
import { cancelSignup, signUp } from "@/lib/domain/training/signup-service";
import { mailSignedUp } from "@/lib/domain/training/training-notices";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";
import { trainingRefusal } from "@/lib/web/training-refusal";

// The member acts for themselves; eligibility and seats are decided in the domain under a row lock.
const id = z.number().int().positive();
const revalidate = ["/equipment", ["/training", "layout"]] as const;
const bySession = {
  caller: "user",
  input: z.object({ sessionId: id }),
  read: (formData: FormData) => ({ sessionId: int(formData, "sessionId") }),
  refusals: trainingRefusal,
  revalidate,
} as const;

export const signUpAction = defineAction({
  ...bySession,
  async run({ actor, db, t, input }) {
    const signed = await signUp(db, actor.personId, input.sessionId);
    if (!signed.ok) return signed;
    await mailSignedUp(db, getMailer(), signed.signupId, (await getSpace()).timeZone);
    return { ok: true, message: t(`me.done.${signed.status}`) };
  },
});

export const cancelSignupAction = defineAction({
  ...bySession,
  async run({ actor, db, t, input }) {
    const cancelled = await cancelSignup(db, { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, actor.personId, input);
    if (!cancelled.ok) return cancelled;
    for (const p of cancelled.promoted.filter((x) => !x.mailed)) {
      getLogger().warn({ personId: p.personId, sessionId: input.sessionId }, "moved up from the waitlist, but the mail could not be sent");
    }
    return { ok: true, message: t("me.done.cancelled") };
  },
});

export const requestTrainingAction = defineAction({
  caller: "user",
  input: requestInput,
  read: (formData) => ({ equipmentTypeId: int(formData, "equipmentTypeId"), level: text(formData, "level"), note: text(formData, "note") }),
  labels: { equipmentTypeId: "me.request.type", level: "me.request.level", note: "me.request.note" },
  refusals: trainingRefusal,
  revalidate,
  async run({ actor, db, t, input }) {
    const requested = await requestTraining(db, actor.personId, input);
    return requested.ok ? { ok: true, message: t("me.request.done") } : requested;
  },
});

export const withdrawRequestAction = defineAction({
  caller: "user",
  input: z.object({ requestId: id }),
  read: (formData) => ({ requestId: int(formData, "requestId") }),
  refusals: trainingRefusal,
  revalidate,
  async run({ actor, db, t, input }) {
    const withdrawn = await withdrawRequest(db, actor.personId, input.requestId);
    return withdrawn.ok ? { ok: true, message: t("me.request.withdrawn") } : withdrawn;
  },
});
