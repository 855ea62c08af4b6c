import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "./action-result";
import { typedValues } from "./form-data";

/**
 * The start of every equipment and training action: who is asking (authentication only; what they may do is
 * decided inside the domain call) and the translator for the answer.
 */
export async function actionContext(): Promise<{ user: CurrentUser | null; t: Translate }> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  return { user, t };
}

/** A refusal in the reader's language: `${prefix}.error.${code}`; the typed values go back to the form. */
export function refusal(t: Translate, prefix: "eq" | "tr", code: string, formData?: FormData, vars?: Record<string, string>): ActionResult {
  const key = `${prefix}.error.${code}`;
  return {
    ok: false,
    code,
    message: isMessageKey(key) ? t(key, vars) : t(`${prefix}.error.invalid`),
    ...(formData ? { values: typedValues(formData) } : {}),
  };
}
