import { Temporal } from "temporal-polyfill";
import { isoDate, parseDay, type Day } from "./plain-date";

/** What a clock on the wall shows in some zone. */
export interface WallTime extends Day {
  hour: number;
  minute: number;
}

/**
 * Instants are stored in UTC; people read and type wall-clock times in a zone. Twice a year a wall time is not one
 * instant, and the rule is Temporal's "compatible" disambiguation (the one RFC 5545 and calendar apps use):
 * - spring gap (the hour the clocks skip, e.g. 02:30 on 2026-03-29 in Europe/Vienna does not exist): the time moves
 *   forward by the length of the gap — 03:30 summer time (01:30Z);
 * - autumn overlap (the hour that happens twice, e.g. 02:30 on 2026-10-25): the earlier instant, still summer time —
 *   00:30Z, not 01:30Z.
 */
export const DISAMBIGUATION = "compatible" as const;

const instantOfDate = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime());

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime & { second: number } {
  const z = instantOfDate(instant).toZonedDateTimeISO(timeZone);
  return { year: z.year, month: z.month, day: z.day, hour: z.hour, minute: z.minute, second: z.second };
}

/** The instant a wall-clock time in the zone names (gaps and overlaps: see DISAMBIGUATION). Throws for 2026-02-30. */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const local = Temporal.PlainDateTime.from(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { overflow: "reject" },
  );
  return new Date(local.toZonedDateTime(timeZone, { disambiguation: DISAMBIGUATION }).epochMilliseconds);
}

/** The instant's local day in the zone, "YYYY-MM-DD". */
export function dayOf(instant: Date, timeZone: string): string {
  return isoDate(wallTimeOf(instant, timeZone));
}

/** Today in the zone. */
export function today(timeZone: string, now = new Date()): Day {
  const { year, month, day } = wallTimeOf(now, timeZone);
  return { year, month, day };
}

/** The first instant of a local day (midnight, or the first instant after a gap at midnight). */
export function startOfDay(day: Day, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** A datetime-local field's value ("2026-06-20T18:00") read as wall-clock time in the zone; null when it is no such time. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  const day = m ? parseDay(m[1]) : null;
  if (!m || !day) return null;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  return instantOf({ ...day, hour, minute }, timeZone);
}

/** The instant as a datetime-local field's value in the zone ("2026-06-20T18:00"). */
export function toLocalInput(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${isoDate(w)}T${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}
