import type { Db } from "@/lib/db/client";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { isLocale, translator, type Translate } from "@/lib/i18n/translate";

/**
 * The feeds' texts ("<space>: my calendar", "Training: Laser (user)", "(members)") in the space's language as the
 * admin saved it (one text for every subscriber: a feed has no reader's language). A save of the settings changes
 * the feeds' marker (space_settings is a feed table), so the next request builds the feed again with the new texts
 * (personal-feed-name.int.test.ts).
 */
export async function feedTranslator(db: Db): Promise<Translate> {
  const { defaultLanguage } = await getSpaceSettings(db);
  return translator(isLocale(defaultLanguage) ? defaultLanguage : "en");
}

/** "Training: <type> (<level>)", the title of a training session in a feed. */
export function trainingTitle(t: Translate, type: string, level: "user" | "owner" | "trainer"): string {
  return t("feed.trainingTitle", { type, level: t(`level.${level}`) });
}
