import type { Failure } from "@/lib/domain/api-tokens/result";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "./action-result";
import { typedValues } from "./form-data";

/** A refusal of the token or service services as a form shows it, with the typed values handed back. */
export function apiRefusal(t: Translate, failure: Failure, formData?: FormData): ActionResult {
  const detail = failure.message;
  const message = failure.code === "invalid" || failure.code === "scope_not_held" ? t(`api.error.${failure.code}`, { detail }) : t(`api.error.${failure.code}`);
  return { ok: false, code: failure.code, message, values: formData ? typedValues(formData) : undefined };
}
