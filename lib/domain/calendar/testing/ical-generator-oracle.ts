import ical, { foldLines, type ICalCalendar, ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday } from "ical-generator";
import { wallTimeOf, weekday } from "@/lib/time";
import { escapeText } from "../feed-items";
import { PROD_ID, spansOf, vtimezone, type FeedEvent, type FeedInput, type FeedTraining } from "../ical-feed";

/**
 * The test oracle: a feed as ical-generator (a devDependency) writes it — how ical-feed.ts made its feeds until they
 * were written by hand (feed-items.ts). Its text is what renderFeed must equal byte for byte.
 */

const WEEKDAYS = [ICalWeekday.SU, ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA];

/**
 * ical-generator writes a Date's fields as the wall-clock time of the event's TZID (read in the process's zone:
 * oracleText makes that UTC), so it is handed "floating" dates whose UTC fields are the local reading (Temporal here,
 * independent of the feed's own lib/time/wall-clock.ts).
 */
function floating(instant: Date, timeZone: string): Date {
  const w = wallTimeOf(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

function localDate(iso: string, instant: Date, timeZone: string): Date {
  const w = wallTimeOf(instant, timeZone);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, w.hour, w.minute, w.second));
}

const PROD = { company: "makerspace", product: "calendar", language: "EN" };

/**
 * The oracle's text. ical-generator reads a zoned event's times in the process's own zone (local getters), so it
 * is asked in UTC whatever zone the tests run in — where the feeds themselves once went wrong (feed-items.test.ts).
 */
export function oracleText(input: FeedInput): string {
  const zone = process.env.TZ;
  process.env.TZ = "UTC"; // Node applies a changed TZ at once
  try {
    return withDeviations(buildCalendar(noControls(input)).toString(), input);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

/**
 * Where the feed knowingly differs from the library's bytes (RFC 5545 over byte identity) — these and nothing else:
 * 1. an all-day series' UNTIL is a DATE, the series' last day in the event's zone (section 3.3.10: UNTIL has
 *    DTSTART's value type; the library writes a UTC date-time).
 * 2. control characters other than line breaks and tabs are dropped from TEXT values (section 3.3.11; the library
 *    writes them raw): the library is handed the texts without them (noControls).
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const drop = <T extends string | null | undefined>(v: T): T => (typeof v === "string" ? v.replace(CONTROLS, "") : v) as T;
function noControls(input: FeedInput): FeedInput {
  const span = (t: FeedTraining) => ({ ...t, title: drop(t.title), location: drop(t.location) });
  return {
    ...input,
    name: drop(input.name),
    events: input.events.map((e) => ({ ...e, title: drop(e.title), description: drop(e.description), location: drop(e.location) })),
    trainings: input.trainings?.map(span),
    bookings: input.bookings?.map(span),
  };
}

function withDeviations(text: string, input: FeedInput): string {
  let out = text;
  for (const e of input.events) {
    if (!e.allDay || !e.recurrenceFreq || !e.recurrenceUntil) continue;
    const uid = `UID:event-${e.id}@${input.host}\r\n`;
    const at = out.indexOf(uid);
    const end = out.indexOf("END:VEVENT", at);
    const last = wallTimeOf(new Date(e.recurrenceUntil.getTime() - 1), e.timeZone);
    const date = `${String(last.year).padStart(4, "0")}${String(last.month).padStart(2, "0")}${String(last.day).padStart(2, "0")}`;
    const block = out.slice(at, end).replace(/\r\n /g, ""); // unfolded, and folded again as the library does
    const changed = foldLines(block.replace(/;UNTIL=\d{8}T\d{6}Z/, `;UNTIL=${date}`));
    if (at < 0 || !block.includes(";UNTIL=")) throw new Error(`oracle: no UNTIL in event ${e.id}`);
    out = out.slice(0, at) + changed + out.slice(end);
  }
  return out;
}

function buildCalendar(input: FeedInput): ICalCalendar {
  // The library writes the name unescaped; the feed escapes it as TEXT (a line break in it started a line of its own).
  const cal = ical({ name: escapeText(input.name), prodId: PROD });
  if (`-${cal.prodId()}` !== PROD_ID) throw new Error(`product id ${cal.prodId()}`);
  cal.timezone({ name: null, generator: vtimezone });
  for (const e of input.events) addEvent(cal, e, input.host, input.baseUrl);
  for (const { t, kind } of spansOf(input)) addSpan(cal, t, kind, input.host);
  return cal;
}

function addEvent(cal: ICalCalendar, e: FeedEvent, host: string, baseUrl: string | undefined): void {
  const tz = e.timeZone;
  cal.createEvent({
    id: `event-${e.id}@${host}`,
    summary: e.title,
    description: e.description || undefined,
    location: e.location || undefined,
    url: baseUrl ? `${baseUrl}/events/${e.slug}` : undefined,
    allDay: e.allDay,
    start: floating(e.startsAt, tz),
    end: floating(e.endsAt, tz),
    timezone: e.allDay ? undefined : tz,
    lastModified: e.updatedAt,
    created: e.createdAt,
    stamp: e.updatedAt,
    status: e.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    repeating: e.recurrenceFreq
      ? {
          freq: e.recurrenceFreq === "weekly" ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
          interval: e.recurrenceInterval,
          ...(e.recurrenceCount ? { count: e.recurrenceCount } : {}),
          // Deviation (found in review): the stored until is exclusive, UNTIL inclusive — a timed series' UNTIL is a
          // second before it (before, an occurrence starting exactly at the stored until was in the feed).
          ...(e.recurrenceUntil ? { until: new Date(e.recurrenceUntil.getTime() - 1000) } : {}),
          ...(e.recurrenceFreq === "weekly"
            ? { byDay: (e.recurrenceWeekdays.length ? e.recurrenceWeekdays : [weekday(wallTimeOf(e.startsAt, tz))]).map((d) => WEEKDAYS[d]!) }
            : {}),
          ...(e.exceptionDates.length ? { exclude: e.exceptionDates.map((d) => localDate(d, e.startsAt, tz)) } : {}),
        }
      : undefined,
  });
}

function addSpan(cal: ICalCalendar, t: FeedTraining, kind: string, host: string): void {
  cal.createEvent({
    id: `${kind}-${t.id}@${host}`,
    summary: t.title,
    location: t.location || undefined,
    start: t.startsAt,
    end: t.endsAt,
    stamp: t.changedAt,
    status: t.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}
