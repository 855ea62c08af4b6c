import type { Locale } from "./locales";

// The one mapping from the app's languages to the regional formats shown (dates, numbers, currency):
// British English, Austrian German (Metalab), Dutch of the Netherlands, Italian of Italy.
const TAGS: Record<Locale, string> = { en: "en-GB", de: "de-AT", nl: "nl-NL", it: "it-IT" };

/** The BCP 47 tag Intl formatters use for a language of the app. */
export function intlLocale(locale: Locale): string {
  return TAGS[locale];
}
