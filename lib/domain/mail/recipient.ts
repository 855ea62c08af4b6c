import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, profiles } from "@/lib/db/schema";
import { isLocale, translator, type Locale, type Translate } from "@/lib/i18n/translate";

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
