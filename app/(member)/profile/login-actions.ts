"use server";

import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requestEmailChange } from "@/lib/domain/auth/email-change";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";

/** The owner asks to move their login to a new address: a link goes there, a notice to the old one. */
export async function requestLoginEmailChangeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("loginEmail.error.forbidden") };
  const newEmail = String(formData.get("newEmail") ?? "");
  try {
    const result = await requestEmailChange(getDb(), getMailer(), {
      personId: user.personId,
      newEmail,
      password: String(formData.get("password") ?? ""),
    });
    if (!result.ok) return { ok: false, code: result.code, message: t(`loginEmail.error.${result.code}`), values: { newEmail } };
  } catch (error) {
    getLogger().error({ err: error }, "login email change mail failed");
    return { ok: false, code: "mail_failed", message: t("loginEmail.mailFailed"), values: { newEmail } };
  }
  return { ok: true, message: t("loginEmail.sent", { email: newEmail.trim().toLowerCase() }) };
}

/** Ends every session of the person, this one included. */
export async function logOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(getDb(), user.personId);
  await signOut({ redirectTo: "/login" });
}
