import type { Failure } from "@/lib/domain/api-tokens/result";
import type { Translate } from "@/lib/i18n/translate";

/** A refusal of the token or service services in words (defineAction's `refusals`): some name the detail. */
export function apiRefusal(failure: Failure, t: Translate): string {
  const detail = failure.message;
  return failure.code === "invalid" || failure.code === "scope_not_held" ? t(`api.error.${failure.code}`, { detail }) : t(`api.error.${failure.code}`);
}
