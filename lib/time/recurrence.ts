import { addDays, daysInMonth, isoDate, weekday, type Day } from "./plain-date";
import { instantOf, wallTimeOf, type WallTime } from "./zone";

export interface RecurrenceInput {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  freq: "weekly" | "monthly" | null;
  interval: number;
  until: Date | null;
  count: number | null;
  /** 0 = Sunday … 6 = Saturday; empty: the weekday of the first occurrence. */
  weekdays: number[];
  /** Local dates (YYYY-MM-DD) whose occurrence is skipped. */
  exceptionDates: string[];
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** Expansion stops here even for open-ended series; the occurrences table holds this much. */
export const HORIZON_DAYS = 2 * 366;
const MAX_OCCURRENCES = 1500;

/**
 * Occurrences keep the first one's local wall-clock time in the event's zone (Tuesday 19:00 Vienna stays 19:00
 * after the October change); the duration stays the same (all-day events: the same number of local days). A wall
 * time the zone skips or repeats on some date follows the module's rule (see DISAMBIGUATION in ./zone).
 * COUNT counts exception dates too, as RFC 5545 does with EXDATE.
 */
export function expandOccurrences(input: RecurrenceInput, horizonEnd: Date): Occurrence[] {
  const start = wallTimeOf(input.startsAt, input.timeZone);
  const durationMs = input.endsAt.getTime() - input.startsAt.getTime();
  const make = (date: Day): Occurrence => {
    const wall: WallTime = { ...date, hour: start.hour, minute: start.minute };
    const s = instantOf(wall, input.timeZone);
    if (!input.allDay) return { startsAt: s, endsAt: new Date(s.getTime() + durationMs) };
    // All-day: whole local days, whatever length DST gives them.
    const end = addDays(date, Math.max(1, Math.round(durationMs / 86_400_000)));
    return { startsAt: s, endsAt: instantOf({ ...end, hour: 0, minute: 0 }, input.timeZone) };
  };
  if (!input.freq) return [{ startsAt: input.startsAt, endsAt: input.endsAt }];

  const excluded = new Set(input.exceptionDates);
  // The stored until is exclusive: the event form keeps "until 25 Oct" as the start of 26 Oct in the event's zone, so
  // an occurrence starting at that instant is not part of the series (the feed's UNTIL says the same).
  const until = input.until;
  const limit = until && until < horizonEnd ? until : horizonEnd;
  const result: Occurrence[] = [];
  let produced = 0;
  const emit = (date: Day): boolean => {
    const occ = make(date);
    if (occ.startsAt > horizonEnd || (until && occ.startsAt >= until)) return false;
    if (input.count !== null && produced >= input.count) return false;
    produced++;
    if (!excluded.has(isoDate(date)) && occ.startsAt >= input.startsAt) result.push(occ);
    return produced < MAX_OCCURRENCES;
  };
  const first = { year: start.year, month: start.month, day: start.day };

  if (input.freq === "weekly") {
    const days = (input.weekdays.length ? [...new Set(input.weekdays)] : [weekday(first)]).sort((a, b) => a - b);
    // Weeks start on Monday (RFC 5545 default WKST=MO).
    const mondayOffset = (weekday(first) + 6) % 7;
    for (let week = addDays(first, -mondayOffset); ; week = addDays(week, 7 * input.interval)) {
      for (const d of days) {
        const date = addDays(week, (d + 6) % 7);
        if (isoDate(date) < isoDate(first)) continue;
        if (!emit(date)) return result;
      }
    }
  }
  for (let i = 0; ; i += input.interval) {
    const monthIndex = start.month - 1 + i;
    const year = start.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    if (start.day > daysInMonth(year, month)) {
      // RFC 5545 skips months without that day (e.g. the 31st); still bounded by the horizon.
      if (instantOf({ year, month, day: 1, hour: 0, minute: 0 }, input.timeZone) > limit) return result;
      continue;
    }
    if (!emit({ year, month, day: start.day })) return result;
  }
}

export function horizonFrom(now: Date): Date {
  return new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
}
