import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, profiles } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/time";
import type { MessageKey } from "@/lib/i18n/messages/en";
import { isLocale, translator, type Locale, type Translate } from "@/lib/i18n/translate";
import type { Mailer } from "../mail/mailer";

/** What services need to tell people about their trainings: a mailer and the space's time zone for dates. */
export interface Notifier {
  mailer: Mailer;
  timeZone: string;
}

export interface Recipient {
  email: string;
  t: Translate;
  locale: Locale;
  firstName: string;
}

/** The person's mail address (profile, else login) and language; null when there is nowhere to write. */
export async function recipientOf(db: Db, personId: number): Promise<Recipient | null> {
  const [row] = await db
    .select({ profileEmail: profiles.email, loginEmail: accounts.email, language: profiles.preferredLanguage, firstName: profiles.firstName })
    .from(profiles)
    .leftJoin(accounts, eq(accounts.personId, profiles.personId))
    .where(eq(profiles.personId, personId));
  const email = row?.profileEmail ?? row?.loginEmail;
  if (!row || !email) return null;
  const locale = isLocale(row.language) ? row.language : "en";
  return { email, t: translator(locale), locale, firstName: row.firstName };
}

/** Sends one mail; a failing mail server is reported as false, never as a failed sign-up or cancellation. */
export async function sendTo(
  db: Db,
  notifier: Notifier,
  personId: number,
  keys: { subject: MessageKey; body: MessageKey },
  vars: (r: Recipient) => Record<string, string | number>,
): Promise<boolean> {
  const recipient = await recipientOf(db, personId);
  if (!recipient) return false;
  const values = { name: recipient.firstName, ...vars(recipient) };
  try {
    await notifier.mailer.send({ to: recipient.email, subject: recipient.t(keys.subject, values), text: recipient.t(keys.body, values) });
    return true;
  } catch {
    return false;
  }
}

export function sessionWhen(date: Date, recipient: Recipient, timeZone: string): string {
  return formatDateTime(date, recipient.locale, timeZone);
}
