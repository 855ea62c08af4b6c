"use server";

import { headers } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { LoginRefused } from "@/lib/auth/login-refused";
import type { LoginFailureCode } from "@/lib/domain/auth/authenticate";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { resendApplicantConfirmation } from "@/lib/domain/people/applicant-signup";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";
import { safeNextPath } from "@/lib/web/safe-next";

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
const CODES: LoginFailureCode[] = ["invalid", "rate_limited", "not_allowed", "unconfirmed"];

/**
 * Authentication itself: Auth.js calls the domain login (rate limits included) and sets the session cookie. A
 * login form says one thing whatever is wrong (never which field), so the input is checked here, not by the schema.
 */
export const loginAction = defineAction({
  caller: "anyone",
  input: z.object({ email: z.string(), password: z.string(), next: z.string() }),
  read: (formData) => ({ email: text(formData, "email"), password: text(formData, "password"), next: text(formData, "next") }),
  labels: { email: "login.email", password: "login.password" },
  refusals: "login.error",
  async run({ input }) {
    const parsed = credentials.safeParse(input);
    if (!parsed.success) return { ok: false, code: "validation", message: "" };
    try {
      // On success this throws Next's redirect (to the page that sent the visitor here), which must propagate.
      await signIn("credentials", { ...parsed.data, redirectTo: safeNextPath(input.next) });
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
      return { ok: false, code: error instanceof LoginRefused ? error.reason : (CODES.find((c) => c === error.code) ?? "invalid"), message: "" };
    }
    return { ok: true };
  },
});

/**
 * "Send the confirmation link again" for an applicant told at login to confirm first. Public like the sign-up form:
 * limited per address and source network, and the same answer whoever the address belongs to.
 */
export const resendConfirmationAction = defineAction({
  caller: "anyone",
  input: z.object({ email: z.string().trim().toLowerCase().max(320).pipe(z.email()) }),
  labels: { email: "login.email" },
  refusals: (_r: { code: string }, t) => t("login.resend.rate_limited"),
  async run({ db, t, input: { email } }) {
    if (!(await takeMailFormAttempt(db, "signup", email, clientIp(await headers())))) return { ok: false, code: "rate_limited", message: "" };
    await resendApplicantConfirmation(db, getMailer(), email);
    return { ok: true, message: t("login.resend.sent", { email }) };
  },
});
