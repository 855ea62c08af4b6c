"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestInput, requestTraining, withdrawRequest } from "@/lib/domain/training/request-service";
import { cancelSignup, signUp } from "@/lib/domain/training/signup-service";
import { mailSignedUp } from "@/lib/domain/training/training-notices";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { actionContext, refusal } from "@/lib/web/equipment-action";
import { int, text } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";

const idSchema = z.number().int().positive();

function revalidate() {
  revalidatePath("/equipment");
  revalidatePath("/training", "layout");
}

/** The member signs themselves up; eligibility and seats are decided in the domain under a row lock. */
export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const sessionId = idSchema.safeParse(int(formData, "sessionId"));
  if (!sessionId.success) return refusal(t, "tr", "not_found");
  const result = await signUp(getDb(), user.personId, sessionId.data);
  if (!result.ok) {
    const list = (result.missing ?? []).map((m) => t("me.prereq", { level: t(`level.${m.level}`), type: m.typeName })).join(", ");
    return refusal(t, "tr", result.code, undefined, { list });
  }
  revalidate();
  await mailSignedUp(getDb(), getMailer(), result.signupId, (await getSpace()).timeZone);
  return { ok: true, message: t(`me.done.${result.status}`) };
}

export async function cancelSignupAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const sessionId = idSchema.safeParse(int(formData, "sessionId"));
  if (!sessionId.success) return refusal(t, "tr", "not_found");
  const result = await cancelSignup(getDb(), { mailer: getMailer(), timeZone: (await getSpace()).timeZone }, user.personId, { sessionId: sessionId.data });
  if (!result.ok) return refusal(t, "tr", result.code);
  for (const p of result.promoted.filter((x) => !x.mailed)) {
    getLogger().warn({ personId: p.personId, sessionId: sessionId.data }, "moved up from the waitlist, but the mail could not be sent");
  }
  revalidate();
  return { ok: true, message: t("me.done.cancelled") };
}

export async function requestTrainingAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = requestInput.safeParse({ equipmentTypeId: int(formData, "equipmentTypeId"), level: text(formData, "level"), note: text(formData, "note") });
  if (!parsed.success) return refusal(t, "tr", "invalid", formData);
  const result = await requestTraining(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "tr", result.code, formData);
  revalidate();
  return { ok: true, message: t("me.request.done") };
}

export async function withdrawRequestAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const id = idSchema.safeParse(int(formData, "requestId"));
  if (!id.success) return refusal(t, "tr", "not_found");
  const result = await withdrawRequest(getDb(), user.personId, id.data);
  if (!result.ok) return refusal(t, "tr", result.code);
  revalidate();
  return { ok: true, message: t("me.request.withdrawn") };
}
