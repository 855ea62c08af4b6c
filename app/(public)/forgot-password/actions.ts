"use server";

import { after } from "next/server";
import { z } from "zod";
import { headers } from "next/headers";
import { takeMailFormAttempt } from "@/lib/domain/auth/mail-limits";
import { requestPasswordReset } from "@/lib/domain/auth/password-reset";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { clientIp } from "@/lib/web/request-info";

const schema = z.object({ email: z.email().max(320) });

/** Public by nature. The mail goes out after the response, so timing does not reveal whether the email exists. */
export async function forgotPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const parsed = schema.safeParse({ email: String(formData.get("email") ?? "").trim() });
  if (!parsed.success) return { ok: false, code: "validation", message: t("forgot.error.validation") };
  if (!(await takeMailFormAttempt(getDb(), "reset", parsed.data.email, clientIp(await headers())))) {
    return { ok: false, code: "rate_limited", message: t("mailForm.rate_limited") };
  }
  after(() =>
    requestPasswordReset(getDb(), getMailer(), { email: parsed.data.email }).catch((error: unknown) => getLogger().error({ err: error }, "password reset mail failed")),
  );
  return { ok: true, message: t("forgot.sent") };
}
