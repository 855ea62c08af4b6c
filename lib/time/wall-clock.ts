/**
 * The wall-clock reading of an instant as a number: the epoch milliseconds whose UTC fields are the zone's local
 * time, whole seconds (what `wallTimeOf` gives, as one number). For code that reads many instants at once — a feed
 * writes two or more per event, and Temporal's conversion costs ~20 µs each (40 ms for a 1,000-event feed) — the
 * zone's offset is asked of Intl once per zone and UTC day and reused for every instant of that day whose day
 * starts and ends at the same offset. A day with a clock change has different offsets at its ends: its instants
 * are asked one by one. (That assumes no zone changes its clock twice and back within one UTC day; none does in
 * the tz database. wall-clock.test.ts compares with Temporal across the clock changes.)
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** The offset at each UTC midnight asked so far, by zone and day number. */
const midnights = new Map<string, Map<number, number>>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset (ms, whole seconds) at a whole-second instant, asked of Intl. */
function offsetAt(seconds: number, timeZone: string): number {
  const at = seconds * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of formatterOf(timeZone).formatToParts(at)) {
    if (p.type === "year") year = Number(p.value);
    else if (p.type === "month") month = Number(p.value);
    else if (p.type === "day") day = Number(p.value);
    else if (p.type === "hour") hour = Number(p.value);
    else if (p.type === "minute") minute = Number(p.value);
    else if (p.type === "second") second = Number(p.value);
    else if (p.type === "era") bc = p.value === "BC" || p.value === "B";
  }
  const local = new Date(0);
  local.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  local.setUTCHours(hour, minute, second, 0);
  return local.getTime() - at;
}

function midnightOffset(dayNumber: number, timeZone: string): number {
  let days = midnights.get(timeZone);
  // A few hundred days per zone in practice; started afresh if something asks across millennia.
  if (!days || days.size > 20_000) midnights.set(timeZone, (days = new Map()));
  let offset = days.get(dayNumber);
  if (offset === undefined) {
    offset = offsetAt(dayNumber * 86_400, timeZone);
    days.set(dayNumber, offset);
  }
  return offset;
}

/** The instant's local time in the zone as epoch milliseconds read in UTC, to the whole second (rounded down). */
export function wallClockMs(instant: Date, timeZone: string): number {
  const seconds = Math.floor(instant.getTime() / 1000);
  const dayNumber = Math.floor(seconds / 86_400);
  const start = midnightOffset(dayNumber, timeZone);
  const offset = start === midnightOffset(dayNumber + 1, timeZone) ? start : offsetAt(seconds, timeZone);
  return seconds * 1000 + offset;
}
