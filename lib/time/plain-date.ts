import { Temporal } from "temporal-polyfill";

/**
 * A date without a time or a zone: a loan's due day, a membership's last day, a calendar day. It never moves by a
 * day because of a time zone; it is written "YYYY-MM-DD" wherever it is stored or sent.
 */
export interface Day {
  year: number;
  month: number; // 1-12
  day: number;
}

const plain = (d: Day) => Temporal.PlainDate.from({ year: d.year, month: d.month, day: d.day }, { overflow: "reject" });
const dayOfPlain = (p: Temporal.PlainDate): Day => ({ year: p.year, month: p.month, day: p.day });

/** "2027-03-02" → the day, or null for anything else (also for days that do not exist, like 2027-02-30). */
export function parseDay(value: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!m) return null;
  try {
    return dayOfPlain(plain({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  } catch {
    return null;
  }
}

export function isoDate(d: Day): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

export function addDays(d: Day, days: number): Day {
  return dayOfPlain(plain(d).add({ days }));
}

/** 0 = Sunday … 6 = Saturday (as Date#getDay and the calendar's weekday fields count). */
export function weekday(d: Day): number {
  return plain(d).dayOfWeek % 7;
}

/** Monday of the day's week. */
export function mondayOf(d: Day): Day {
  return addDays(d, -((weekday(d) + 6) % 7));
}

export function daysInMonth(year: number, month: number): number {
  return Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
}

/** ISO 8601 week: "2026-W48" (the week belongs to the year of its Thursday). */
export function isoWeek(d: Day): string {
  const p = plain(d);
  return `${p.yearOfWeek}-W${String(p.weekOfYear).padStart(2, "0")}`;
}
