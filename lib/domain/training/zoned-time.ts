/**
 * Trainers type local times of the space ("2026-06-20T18:00" from a datetime-local field); the database keeps UTC.
 * Pure Intl arithmetic, correct across daylight-saving changes.
 */
function wallClockAsUtc(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** "YYYY-MM-DDTHH:mm" in the time zone → the instant; null when the text is no such date. */
export function parseZonedLocal(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let instant = naive - (wallClockAsUtc(new Date(naive), timeZone) - naive);
  // Near a DST change the offset at the first guess can differ from the offset at the result: correct once.
  instant = naive - (wallClockAsUtc(new Date(instant), timeZone) - instant);
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" in the time zone, for a datetime-local field's value. */
export function toZonedLocal(date: Date, timeZone: string): string {
  return new Date(wallClockAsUtc(date, timeZone)).toISOString().slice(0, 16);
}

/** A sensible default for a new session: the same weekday next week, 18:00 to 20:00 local time (datetime-local values). */
export function defaultSessionSlot(now: Date, timeZone: string): { start: string; end: string } {
  const day = toZonedLocal(new Date(now.getTime() + 7 * 24 * 3600_000), timeZone).slice(0, 10);
  return { start: `${day}T18:00`, end: `${day}T20:00` };
}
