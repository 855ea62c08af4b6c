"use server";

import { headers } from "next/headers";
import { mailApplicationReceived } from "@/lib/domain/people/application-mail";
import { confirmApplicant, signUpApplicant } from "@/lib/domain/people/applicant-signup";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { isLocale, type MessageKey } from "@/lib/i18n/translate";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { formString } from "@/lib/web/people-forms";
import { formValues } from "@/lib/web/people-actions";
import { clientIp } from "@/lib/web/request-info";

const FIELD_ERRORS: Record<string, MessageKey> = {
  firstName: "signup.error.firstName",
  lastName: "signup.error.lastName",
  email: "signup.error.email",
  password: "signup.error.password",
};

/** Public by nature: limited per address and per source network (mail-limits.ts); the domain validates and mails the link (or tells an existing owner). */
export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, headerList] = await Promise.all([getT(), headers()]);
  const db = getDb();
  const ip = clientIp(headerList);
  const values = formValues(formData);
  if (!(await takeMailFormAttempt(db, "signup", formString(formData, "email"), ip))) {
    return { ok: false, code: "rate_limited", message: t("signup.error.rate_limited"), values };
  }
  const language = formString(formData, "preferredLanguage");
  const result = await signUpApplicant(
    db,
    getMailer(),
    {
      firstName: formString(formData, "firstName"),
      lastName: formString(formData, "lastName"),
      email: formString(formData, "email"),
      password: formString(formData, "password"),
      preferredLanguage: isLocale(language) ? language : "en",
    },
  );
  // The same answer for a registered address (its owner got a mail instead): the form reveals no accounts.
  if (result.ok) return { ok: true, message: t("signup.sent") };
  const field = FIELD_ERRORS[result.field ?? ""] ?? "signup.error.input";
  return { ok: false, code: result.code, message: t(field, { min: MIN_PASSWORD_LENGTH }), values };
}

/** The button on the confirmation page: the token in the form is the authorization. */
export async function confirmSignupAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const token = formString(formData, "token");
  if (!token || token.length > 200) return { ok: false, code: "invalid_token", message: t("signup.error.invalid_token") };
  const result = await confirmApplicant(getDb(), token);
  if (!result.ok) return { ok: false, code: result.code, message: t("signup.error.invalid_token") };
  if (result.kind === "login_request") return { ok: true, message: t("signup.confirmedLoginRequest") };
  await mailApplicationReceived(getDb(), getMailer(), result.personId);
  return { ok: true, message: t("signup.confirmed") };
}
