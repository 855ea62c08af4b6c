"use server";

import { confirmEmailChange } from "@/lib/domain/auth/email-change";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** The button on the confirmation page: the token from the mail is the authorization. */
export async function confirmEmailChangeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const token = String(formData.get("token") ?? "");
  if (!token || token.length > 200) return { ok: false, code: "invalid_token", message: t("loginEmail.error.invalid_token") };
  const result = await confirmEmailChange(getDb(), token);
  if (!result.ok) return { ok: false, code: result.code, message: t(`loginEmail.error.${result.code}`) };
  return { ok: true, message: t("loginEmail.confirmed") };
}
