"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { acceptInvitation } from "@/lib/domain/auth/invitation-accept";
import { renewExpiredInvitation } from "@/lib/domain/auth/invitation-send";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

const SAID = new Set(["weak_password", "email_taken", "mismatch", "rate_limited"]);
// Every other refusal says only that the link does not work (nothing about why).
const refusals = (r: { code: string }, t: Translate) =>
  t(`invitation.error.${SAID.has(r.code) ? (r.code as "mismatch") : "invalid_token"}`, { min: MIN_PASSWORD_LENGTH });
const usableToken = (token: string) => token.length > 0 && token.length <= 200;

/** The token is the authorization here: whoever holds a valid, unused invitation link sets the password once. */
export const acceptInvitationAction = defineAction({
  caller: "anyone",
  input: z.object({ token: z.string(), password: z.string().max(1024), confirm: z.string().max(1024) }),
  read: (formData) => ({ token: text(formData, "token"), password: text(formData, "password"), confirm: text(formData, "confirm") }),
  labels: { password: "invitation.password", confirm: "invitation.confirm" },
  refusals,
  refusalFields: { mismatch: "confirm", weak_password: "password" },
  async run({ db, t, input }) {
    if (!usableToken(input.token)) return { ok: false, code: "invalid_token", message: "" };
    if (input.password !== input.confirm) return { ok: false, code: "mismatch", message: "" };
    const accepted = await acceptInvitation(db, { token: input.token, password: input.password });
    return accepted.ok ? { ok: true, message: t("invitation.done", { email: accepted.email }) } : accepted;
  },
});

/** An expired link asks for a fresh one: mailed after the response to where the old one went; the answer never differs. */
export const renewInvitationAction = defineAction({
  caller: "anyone",
  input: z.object({ token: z.string() }),
  refusals,
  async run({ db, t, input: { token } }) {
    if (!usableToken(token)) return { ok: false, code: "invalid_token", message: "" };
    if (!(await takeMailFormAttempt(db, "invite", token, clientIp(await headers())))) return { ok: false, code: "rate_limited", message: "" };
    after(() => renewExpiredInvitation(db, getMailer(), token).catch((error: unknown) => getLogger().error({ err: error }, "invitation renewal failed")));
    return { ok: true, message: t("invitation.renewed") };
  },
});
