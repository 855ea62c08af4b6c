import type { Locale } from "./translate";

/** Dates are stored in UTC and shown in the space's time zone, in the reader's language. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-AT" : "en-GB", { dateStyle: "medium", timeZone }).format(date);
}
