"use server";

import { z } from "zod";
import { consumePasswordReset } from "@/lib/domain/auth/password-reset";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

const schema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
});

/** The token is the authorization here: whoever holds a valid, unused link may set the password once. */
export async function resetPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const parsed = schema.safeParse(Object.fromEntries(["token", "password", "confirm"].map((k) => [k, formData.get(k) ?? ""])));
  if (!parsed.success) return { ok: false, code: "invalid_token", message: t("reset.error.invalid_token") };
  if (parsed.data.password !== parsed.data.confirm) return { ok: false, code: "mismatch", message: t("reset.error.mismatch") };
  const result = await consumePasswordReset(getDb(), { token: parsed.data.token, newPassword: parsed.data.password });
  if (!result.ok) return { ok: false, code: result.code, message: t(`reset.error.${result.code}`, { min: MIN_PASSWORD_LENGTH }) };
  return { ok: true, message: t("reset.done") };
}
