import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";
import { isLocale } from "@/lib/i18n/translate";

/** Remembers the language a person picked, so mails and other devices use it too. */
export async function setPreferredLanguage(db: Db, personId: number, language: string): Promise<boolean> {
  if (!isLocale(language)) return false;
  const rows = await db
    .update(profiles)
    .set({ preferredLanguage: language, updatedAt: new Date() })
    .where(eq(profiles.personId, personId))
    .returning({ id: profiles.personId });
  return rows.length > 0;
}
