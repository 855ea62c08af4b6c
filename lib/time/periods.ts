import { Temporal } from "temporal-polyfill";
import { isoDate, isoWeek } from "./plain-date";

export type Cadence = "hourly" | "daily" | "weekly";

export interface Schedule {
  cadence: Cadence;
  /** Daily and weekly jobs wait until this local hour (default 6); a check later the same day/week still runs them. */
  atHour?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Whether this local hour happens twice (the autumn change): then each pass is its own hourly period. */
function hourRepeats(z: Temporal.ZonedDateTime): boolean {
  const wall = z.toPlainDateTime().with({ minute: 0, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 });
  const first = wall.toZonedDateTime(z.timeZoneId, { disambiguation: "earlier" });
  const last = wall.toZonedDateTime(z.timeZoneId, { disambiguation: "later" });
  return first.epochMilliseconds !== last.epochMilliseconds;
}

/**
 * The period a check at `now` falls into, in the space's time zone, or null while the job is not due yet in it
 * (before `atHour` on the first day). Once due, every later check in the same period gives the same key, so a
 * run missed at 06:00 (machine off) happens at the next check and the claim keeps it to one per period.
 * Local days and weeks follow the wall clock (the spring day has 23 hours, the autumn day 25); hourly periods are
 * keyed by the local hour, and the repeated autumn hour carries its offset ("2026-10-25T02+02:00", then "+01:00").
 */
export function duePeriod(schedule: Schedule, now: Date, timeZone: string): string | null {
  const z = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const day = { year: z.year, month: z.month, day: z.day };
  const atHour = schedule.atHour ?? 6;
  switch (schedule.cadence) {
    case "hourly":
      return `${isoDate(day)}T${pad(z.hour)}${hourRepeats(z) ? z.offset : ""}`;
    case "daily":
      return z.hour >= atHour ? isoDate(day) : null;
    case "weekly":
      return z.dayOfWeek > 1 || z.hour >= atHour ? isoWeek(day) : null;
  }
}
