"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { z } from "zod";
import { acceptInvitation, renewExpiredInvitation } from "@/lib/domain/auth/invitations";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

const acceptSchema = z.object({ token: z.string().min(1).max(200), password: z.string().max(1024), confirm: z.string().max(1024) });

/** The token is the authorization here: whoever holds a valid, unused invitation link sets the password once. */
export async function acceptInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const parsed = acceptSchema.safeParse(Object.fromEntries(["token", "password", "confirm"].map((k) => [k, formData.get(k) ?? ""])));
  if (!parsed.success) return { ok: false, code: "invalid_token", message: t("invitation.error.invalid_token") };
  if (parsed.data.password !== parsed.data.confirm) return { ok: false, code: "mismatch", message: t("invitation.error.mismatch") };
  const result = await acceptInvitation(getDb(), { token: parsed.data.token, password: parsed.data.password });
  if (!result.ok) {
    const code = result.code === "weak_password" || result.code === "email_taken" ? result.code : "invalid_token";
    return { ok: false, code, message: t(`invitation.error.${code}`, { min: MIN_PASSWORD_LENGTH }) };
  }
  return { ok: true, message: t("invitation.done", { email: result.email }) };
}

const renewSchema = z.object({ token: z.string().min(1).max(200) });

/** An expired link asks for a fresh one: mailed after the response to where the old one went; the answer never differs. */
export async function renewInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const parsed = renewSchema.safeParse({ token: formData.get("token") ?? "" });
  if (!parsed.success) return { ok: false, code: "invalid_token", message: t("invitation.error.invalid_token") };
  if (!(await takeMailFormAttempt(getDb(), "invite", parsed.data.token, clientIp(await headers())))) {
    return { ok: false, code: "rate_limited", message: t("invitation.error.rate_limited") };
  }
  after(() =>
    renewExpiredInvitation(getDb(), getMailer(), parsed.data.token).catch((error: unknown) => getLogger().error({ err: error }, "invitation renewal failed")),
  );
  return { ok: true, message: t("invitation.renewed") };
}
