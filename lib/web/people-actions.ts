import type { Failure } from "@/lib/domain/people/result";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "./action-result";
import { getDb } from "./db";
import { getLogger } from "./logger";
import { getMailer } from "./mailer";
import { notifyAuditSubscribers } from "@/lib/domain/audit/subscriptions";

/** Form fields as strings, for handing typed values back after a refusal (never passwords). */
export function formValues(formData: FormData, omit: string[] = ["password"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !omit.includes(k) && !k.startsWith("$")) out[k] = v;
  return out;
}

/** A domain refusal as the form shows it: the message from the catalog, naming the field in the reader's language. */
export function refusal(t: Translate, failure: Failure, formData?: FormData, fieldLabels: Record<string, string> = {}): ActionResult {
  const field = failure.field ? (fieldLabels[failure.field] ?? fieldLabels[failure.field.split(".")[0]!] ?? failure.field) : "";
  const key = `people.error.${failure.code}` as const;
  const base = t(key, { field });
  const message = failure.code === "invalid" && failure.message ? `${base} (${failure.message})` : base;
  return { ok: false, code: failure.code, message, values: formData ? formValues(formData) : undefined };
}

/** After a change: mail audit subscribers in the background; a mail problem must not fail the change itself. */
export function notifySubscribersSoon(): void {
  notifyAuditSubscribers(getDb(), getMailer()).catch((error: unknown) => getLogger().warn({ err: error }, "audit notification failed"));
}
