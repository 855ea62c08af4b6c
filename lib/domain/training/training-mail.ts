import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time";
import type { MessageKey } from "@/lib/i18n/messages/en";
import type { Mailer } from "../mail/mailer";
import { notifyPerson } from "../mail/notify";
import type { Recipient } from "../mail/recipient";

/** What services need to tell people about their trainings: a mailer and the space's time zone for dates. */
export interface Notifier {
  mailer: Mailer;
  timeZone: string;
}

export type { Recipient } from "../mail/recipient";
export { recipientOf } from "../mail/recipient";

/**
 * Sends one training mail (topic "training", which the person may turn off); true when done (sent, or not wanted),
 * false when it could not be sent. A failing mail server is never a failed sign-up or cancellation.
 */
export async function sendTo(
  db: Db,
  notifier: Notifier,
  personId: number,
  keys: { subject: MessageKey; body: MessageKey },
  vars: (r: Recipient) => Record<string, string | number>,
): Promise<boolean> {
  const outcome = await notifyPerson(db, notifier.mailer, personId, "training", keys, vars);
  return outcome === "sent" || outcome === "off";
}

export function sessionWhen(date: Date, recipient: Recipient, timeZone: string): string {
  return formatDateTime(date, recipient.locale, timeZone);
}
