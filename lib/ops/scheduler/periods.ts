import { toWallTime } from "@/lib/domain/calendar/time-zone";

export type Cadence = "hourly" | "daily" | "weekly";

export interface Schedule {
  cadence: Cadence;
  /** Daily and weekly jobs wait until this local hour (default 6); a check later the same day/week still runs them. */
  atHour?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 week of a plain date: "2026-W48" (the week belongs to the year of its Thursday). */
export function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/**
 * The period a check at `now` falls into, in the space's time zone, or null while the job is not due yet in it
 * (before `atHour` on the first day). Once due, every later check in the same period gives the same key, so a
 * run missed at 06:00 (machine off) happens at the next check and the claim keeps it to one per period.
 */
export function duePeriod(schedule: Schedule, now: Date, timeZone: string): string | null {
  const w = toWallTime(now, timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  const atHour = schedule.atHour ?? 6;
  switch (schedule.cadence) {
    case "hourly":
      return `${date}T${pad(w.hour)}`;
    case "daily":
      return w.hour >= atHour ? date : null;
    case "weekly": {
      const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() || 7;
      return weekday > 1 || w.hour >= atHour ? isoWeek(w.year, w.month, w.day) : null;
    }
  }
}
