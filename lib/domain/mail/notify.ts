import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailOptOuts } from "@/lib/db/schema";
import type { MessageKey } from "@/lib/i18n/messages/en";
import type { Mailer } from "./mailer";
import { recipientOf, type Recipient } from "./recipient";
import type { MailTopic } from "./topics";

export type NotifyOutcome = "sent" | "off" | "no_address" | "failed";

/**
 * One mail to one person about something that happened to them, in their language, unless they turned the topic
 * off ("essential" mails cannot be). Sent after the change is committed; a mail server being down is an outcome
 * ("failed"), never an error that undoes or fails the change.
 */
export async function notifyPerson(
  db: Db,
  mailer: Mailer,
  personId: number,
  topic: MailTopic | "essential",
  keys: { subject: MessageKey; body: MessageKey },
  vars: (r: Recipient) => Record<string, string | number>,
): Promise<NotifyOutcome> {
  if (topic !== "essential") {
    const [off] = await db
      .select({ topic: mailOptOuts.topic })
      .from(mailOptOuts)
      .where(and(eq(mailOptOuts.personId, personId), eq(mailOptOuts.topic, topic)));
    if (off) return "off";
  }
  const recipient = await recipientOf(db, personId);
  if (!recipient) return "no_address";
  const values = { name: recipient.firstName, ...vars(recipient) };
  try {
    await mailer.send({ to: recipient.email, subject: recipient.t(keys.subject, values), text: recipient.t(keys.body, values) });
    return "sent";
  } catch {
    return "failed";
  }
}
