import { addDays, fromWallTime, isoDate, toWallTime, weekday } from "@/lib/domain/calendar/time-zone";
import type { Locale } from "@/lib/i18n/translate";

type Day = { year: number; month: number; day: number };

const tag = (locale: Locale) => (locale === "de" ? "de-AT" : "en-GB");

export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeStyle: "short", timeZone }).format(date);
}

export function formatDay(day: Day, locale: Locale, style: "long" | "short" = "long"): string {
  const opts: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } : { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(tag(locale), opts).format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
}

export function formatMonth(day: Day, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(day.year, day.month - 1, 1)));
}

/** "2027-03-02" → a day, or null for anything else. */
export function parseDay(value: string | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isoDate(addDays(d, 0)) === value ? d : null;
}

export function today(timeZone: string, now = new Date()): Day {
  const w = toWallTime(now, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

export function dayOf(date: Date, timeZone: string): string {
  return isoDate(toWallTime(date, timeZone));
}

export function startOfDay(day: Day, timeZone: string): Date {
  return fromWallTime({ ...day, hour: 0, minute: 0 }, timeZone);
}

/** Monday of the day's week. */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** A <input type="datetime-local"> value read as wall-clock time in the zone; null when malformed. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return fromWallTime({ year, month, day, hour, minute }, timeZone);
}

export function toLocalInput(date: Date, timeZone: string): string {
  const w = toWallTime(date, timeZone);
  return `${isoDate(w)}T${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

export { addDays, isoDate, weekday };
export type { Day };
