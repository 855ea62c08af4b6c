"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { mailApplicationReceived } from "@/lib/domain/people/application-mail";
import { confirmApplicant, signUpApplicant } from "@/lib/domain/people/applicant-signup";
import { isLocale, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

const FIELD_ERRORS: Record<string, MessageKey> = {
  firstName: "signup.error.firstName",
  lastName: "signup.error.lastName",
  email: "signup.error.email",
  password: "signup.error.password",
};
function refusals(r: { code: string; field?: string }, t: Translate): string {
  if (r.code === "rate_limited") return t("signup.error.rate_limited");
  return t(FIELD_ERRORS[r.field ?? ""] ?? "signup.error.input", { min: MIN_PASSWORD_LENGTH });
}

/** Public by nature: limited per address and per source network (mail-limits.ts); the domain validates and mails the link (or tells an existing owner). */
export const signUpAction = defineAction({
  caller: "anyone",
  input: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), password: z.string(), preferredLanguage: z.string() }),
  read: (formData) => ({
    firstName: text(formData, "firstName"),
    lastName: text(formData, "lastName"),
    email: text(formData, "email"),
    password: text(formData, "password"),
    preferredLanguage: text(formData, "preferredLanguage"),
  }),
  refusals,
  async run({ db, t, input: { preferredLanguage, ...applicant } }) {
    if (!(await takeMailFormAttempt(db, "signup", applicant.email, clientIp(await headers())))) return { ok: false, code: "rate_limited", message: "" };
    const signedUp = await signUpApplicant(db, getMailer(), { ...applicant, preferredLanguage: isLocale(preferredLanguage) ? preferredLanguage : "en" });
    // The same answer for a registered address (its owner got a mail instead): the form reveals no accounts.
    return signedUp.ok ? { ok: true, message: t("signup.sent") } : signedUp;
  },
});

/** The button on the confirmation page: the token in the form is the authorization. */
export const confirmSignupAction = defineAction({
  caller: "anyone",
  input: z.object({ token: z.string() }),
  refusals: (_r: { code: string }, t) => t("signup.error.invalid_token"),
  async run({ db, t, input: { token } }) {
    if (!token || token.length > 200) return { ok: false, code: "invalid_token", message: "" };
    const confirmed = await confirmApplicant(db, token);
    if (!confirmed.ok) return confirmed;
    if (confirmed.kind === "login_request") return { ok: true, message: t("signup.confirmedLoginRequest") };
    await mailApplicationReceived(db, getMailer(), confirmed.personId);
    return { ok: true, message: t("signup.confirmed") };
  },
});
