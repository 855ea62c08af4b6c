import { formatDateTime } from "@/lib/time";
import type { MessageKey } from "@/lib/i18n/messages/en";
import { isLocale, translator } from "@/lib/i18n/translate";
import { loadSpaceSettings } from "../settings/space-settings";
import type { Db } from "@/lib/db/client";
import { recipientOf, type Recipient } from "../training/training-mail";
import type { Mailer } from "../mail/mailer";

/** Who an event registration belongs to: a member (person id) or a guest (name and email). */
export interface Registrant {
  personId: number | null;
  guestName: string | null;
  guestEmail: string | null;
}

export interface EventForMail {
  title: string;
  startsAt: Date;
  timeZone: string;
}

/** Members get their language from their profile (the training pattern); guests, who have none, the space's saved default. */
async function recipientOfRegistrant(db: Db, r: Registrant): Promise<Recipient | null> {
  if (r.personId !== null) return recipientOf(db, r.personId);
  if (!r.guestEmail) return null;
  // Not the name typed in the guest form: whoever typed it need not own the address this mail goes to.
  const saved = (await loadSpaceSettings(db)).defaultLanguage;
  const locale = isLocale(saved) ? saved : "en";
  const t = translator(locale);
  return { email: r.guestEmail, t, locale, firstName: t("mail.guestName") };
}

/**
 * Mails registrants about their event after the change is committed; a failing mail server is counted, never
 * undoes the change. Returns how many mails went out.
 */
export async function mailRegistrants(
  db: Db,
  mailer: Mailer,
  registrants: Registrant[],
  event: EventForMail,
  keys: { subject: MessageKey; body: MessageKey },
): Promise<number> {
  let sent = 0;
  for (const registrant of registrants) {
    const recipient = await recipientOfRegistrant(db, registrant);
    if (!recipient) continue;
    const values = {
      name: recipient.firstName,
      title: event.title,
      when: `${formatDateTime(event.startsAt, recipient.locale, event.timeZone)} (${event.timeZone})`,
    };
    try {
      await mailer.send({ to: recipient.email, subject: recipient.t(keys.subject, values), text: recipient.t(keys.body, values) });
      sent++;
    } catch {
      // Counted by the caller as not mailed; the registration change itself stands.
    }
  }
  return sent;
}
