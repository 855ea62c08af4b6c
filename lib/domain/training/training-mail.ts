import type { Db } from "@/lib/db/client";
import type { TrainingSession } from "@/lib/db/schema";
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

/** "A seat became free and it is yours", to each person moved up from a session's waitlist. */
export async function mailPromoted(
  db: Db,
  notifier: Notifier,
  session: Pick<TrainingSession, "level" | "startsAt" | "room">,
  typeName: string,
  personIds: number[],
): Promise<{ personId: number; mailed: boolean }[]> {
  const told = [];
  for (const personId of personIds) {
    const mailed = await sendTo(db, notifier, personId, { subject: "mail.promoted.subject", body: "mail.promoted.body" }, (r) => ({
      type: typeName,
      level: r.t(`level.${session.level}`),
      when: sessionWhen(session.startsAt, r, notifier.timeZone),
      room: session.room || "-",
    }));
    told.push({ personId, mailed });
  }
  return told;
}
