import { addDays, isoDate, today } from "@/lib/time";

/** A sensible default for a new session: the same weekday next week, 18:00 to 20:00 local time (datetime-local values). */
export function defaultSessionSlot(now: Date, timeZone: string): { start: string; end: string } {
  const day = isoDate(addDays(today(timeZone, now), 7));
  return { start: `${day}T18:00`, end: `${day}T20:00` };
}
