import type { Locale } from "./translate";

// The one mapping from the app's languages to the regional formats shown (dates, numbers): Austrian German, British English.
const TAGS: Record<Locale, string> = { en: "en-GB", de: "de-AT" };

/** The BCP 47 tag Intl formatters use for a language of the app. */
export function intlLocale(locale: Locale): string {
  return TAGS[locale];
}
