import type { Locale } from "./translate";

/** Date and time of day in the space's time zone, e.g. for a training session ("20 Jun 2026, 18:00"). */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-AT" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** Only the time of day, for the end of a session on the same day. */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-AT" : "en-GB", { timeStyle: "short", timeZone }).format(date);
}
