"use server";

import { headers } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { LoginRefused } from "@/lib/auth/login-refused";
import type { LoginFailureCode } from "@/lib/domain/auth/authenticate";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { resendApplicantConfirmation } from "@/lib/domain/people/applicant-signup";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";
import { safeNextPath } from "@/lib/web/safe-next";

const loginSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
const CODES: LoginFailureCode[] = ["invalid", "rate_limited", "not_allowed", "unconfirmed"];

/** Authentication itself: Auth.js calls the domain login (rate limits included) and sets the session cookie. */
export async function loginAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, code: "validation", message: t("login.error.validation") };
  try {
    // On success this throws Next's redirect (to the page that sent the visitor here), which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: safeNextPath(formData.get("next")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error instanceof LoginRefused ? error.reason : CODES.find((c) => c === error.code) ?? "invalid";
      return { ok: false, code, message: t(`login.error.${code}`), values: { email: parsed.data.email } };
    }
    throw error;
  }
  return { ok: true };
}

/**
 * "Send the confirmation link again" for an applicant told at login to confirm first. Public like the sign-up form:
 * limited per address and source network, and the same answer whoever the address belongs to.
 */
export async function resendConfirmationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, headerList] = await Promise.all([getT(), headers()]);
  const email = z.string().trim().toLowerCase().max(320).pipe(z.email()).safeParse(formData.get("email"));
  if (!email.success) return { ok: false, code: "validation", message: t("login.error.validation") };
  const db = getDb();
  if (!(await takeMailFormAttempt(db, "signup", email.data, clientIp(headerList)))) return { ok: false, code: "rate_limited", message: t("login.resend.rate_limited") };
  await resendApplicantConfirmation(db, getMailer(), email.data);
  return { ok: true, message: t("login.resend.sent", { email: email.data }) };
}
