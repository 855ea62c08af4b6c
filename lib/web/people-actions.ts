import { getDb } from "./db";
import { getLogger } from "./logger";
import { getMailer } from "./mailer";
import { notifyAuditSubscribers } from "@/lib/domain/audit/subscriptions";

/** After a change: mail audit subscribers in the background; a mail problem must not fail the change itself. */
export function notifySubscribersSoon(): void {
  notifyAuditSubscribers(getDb(), getMailer()).catch((error: unknown) => getLogger().warn({ err: error }, "audit notification failed"));
}
