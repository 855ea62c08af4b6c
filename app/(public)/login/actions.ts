"use server";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { LoginRefused } from "@/lib/auth/login-refused";
import type { LoginFailureCode } from "@/lib/domain/auth/authenticate";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { safeNextPath } from "@/lib/web/safe-next";

const loginSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
const CODES: LoginFailureCode[] = ["invalid", "rate_limited", "not_allowed"];

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
