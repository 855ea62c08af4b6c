"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { mailApplicationReceived } from "@/lib/domain/people/application-mail";
import { confirmApplicant, signUpApplicant, signUpSchema } from "@/lib/domain/people/applicant-signup";
import { isLocale, type Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

/**
 * Public by nature: limited per address and per source network (mail-limits.ts); the domain validates and mails the
 * link (or tells an existing owner). The form is read with the domain's schema: every wrong field named by its label
 * beside it, all at once.
 */
export const signUpAction = defineAction({
  caller: "anyone",
  input: signUpSchema,
  read: (formData) => ({
    firstName: text(formData, "firstName"),
    lastName: text(formData, "lastName"),
    email: text(formData, "email"),
    password: text(formData, "password"),
    preferredLanguage: isLocale(text(formData, "preferredLanguage")) ? text(formData, "preferredLanguage") : "en",
  }),
  labels: {
    firstName: "profile.firstName",
    lastName: "profile.lastName",
    email: "login.email",
    password: "login.password",
    preferredLanguage: "signup.language",
  },
  refusals: (r: { code: string }, t: Translate) => (r.code === "rate_limited" ? t("signup.error.rate_limited") : unexplainedRefusal(r, t)),
  async run({ db, t, input: applicant }) {
    if (!(await takeMailFormAttempt(db, "signup", applicant.email, clientIp(await headers())))) return { ok: false, code: "rate_limited", message: "" };
    const signedUp = await signUpApplicant(db, getMailer(), applicant);
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
