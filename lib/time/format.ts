import type { Locale } from "@/lib/i18n/translate";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { parseDay, type Day } from "./plain-date";

/**
 * The one date style per language: medium dates ("15 Dec 2026" / "15.12.2026") with short times, in the zone given
 * (always the space's, or an event's own). Day and month styles are for calendar headings.
 */
const STYLES = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
  dayLong: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  dayShort: { weekday: "short", day: "numeric", month: "short" },
  month: { month: "long", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

// Intl.DateTimeFormat is costly to build (~165 µs and memory outside the JS heap): one per language, zone and style,
// kept for the life of the process. The key space is small (languages × zones in use × styles).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter for a language, zone and style (exported so tests can see it is reused). */
export function dateFormatter(locale: Locale, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { ...STYLES[style], timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** How many formatters exist (for tests and benchmarks: it must not grow with the number of dates shown). */
export function formatterCount(): number {
  return formatters.size;
}

/** An instant's day in the zone: "15 Dec 2026". */
export function formatDate(instant: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, "date").format(instant);
}

/** "15 Dec 2026, 10:00". */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, "dateTime").format(instant);
}

/** "10:00". */
export function formatTime(instant: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, "time").format(instant);
}

/** A span: the date once when both ends fall on the same local day ("15 Dec 2026, 10:00–11:00"), else both in full. */
export function formatRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, "dateTime").formatRange(start, end);
}

// Date-only values have no zone: they are formatted at noon UTC, so no offset can move them to another day.
const noonUtc = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day, 12));

/** A date-only value (a due day, the last day of a membership; "2026-12-15" or a Day) in the same style as formatDate. */
export function formatPlainDate(day: Day | string, locale: Locale): string {
  const d = typeof day === "string" ? parseDay(day) : day;
  return d ? dateFormatter(locale, "UTC", "date").format(noonUtc(d)) : String(day);
}

/** Calendar headings: "Tuesday, 15 December 2026" (long) or "Tue 15 Dec" (short). */
export function formatDay(day: Day, locale: Locale, style: "long" | "short" = "long"): string {
  return dateFormatter(locale, "UTC", style === "long" ? "dayLong" : "dayShort").format(noonUtc(day));
}

/** "December 2026". */
export function formatMonth(day: Day, locale: Locale): string {
  return dateFormatter(locale, "UTC", "month").format(noonUtc({ ...day, day: 1 }));
}
