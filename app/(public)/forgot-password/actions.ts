"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { requestPasswordReset } from "@/lib/domain/auth/password-reset";
import { defineAction } from "@/lib/web/action";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

/** Public by nature. The mail goes out after the response, so timing does not reveal whether the email exists. */
export const forgotPasswordAction = defineAction({
  caller: "anyone",
  input: z.object({ email: z.string().trim().pipe(z.email().max(320)) }),
  labels: { email: "login.email" },
  refusals: (_r: { code: string }, t) => t("mailForm.rate_limited"),
  async run({ db, t, input: { email } }) {
    if (!(await takeMailFormAttempt(db, "reset", email, clientIp(await headers())))) return { ok: false, code: "rate_limited", message: "" };
    after(() => requestPasswordReset(db, getMailer(), { email }).catch((error: unknown) => getLogger().error({ err: error }, "password reset mail failed")));
    return { ok: true, message: t("forgot.sent") };
  },
});
