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

/**
 * The day at UTC midnight as a Date, checked as Temporal checks it (2027-02-30 throws). Day arithmetic on the UTC
 * calendar, not Temporal's: a calendar view asks for hundreds of days a request and a Temporal date costs ~10 µs.
 */
function utcMidnight(d: Day): Date {
  const at = new Date(0);
  at.setUTCFullYear(d.year, d.month - 1, d.day); // any year, 0–99 too (Date.UTC would read 26 as 1926)
  if (at.getUTCDate() !== d.day || at.getUTCMonth() !== d.month - 1 || at.getUTCFullYear() !== d.year) throw new RangeError(`no such day: ${isoDate(d)}`);
  return at;
}

export function addDays(d: Day, days: number): Day {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  const at = utcMidnight(d);
  at.setUTCDate(at.getUTCDate() + days);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (as Date#getDay and the calendar's weekday fields count). */
export function weekday(d: Day): number {
  return utcMidnight(d).getUTCDay();
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
