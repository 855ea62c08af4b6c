import { wallClockMs } from "@/lib/time/wall-clock";
import type { FeedEvent, FeedTraining } from "./ical-feed";
import { xcalProperties, xmlEscape, type JCalComponent, type JCalProperty } from "./feed-formats";

/**
 * One feed item (an event, a training, a booking) written out by hand: its VEVENT's properties, from which both its
 * iCalendar text (the very bytes ical-generator 10 writes for what ical-feed.ts used to hand it) and its jCal
 * component (what ical.js parses that text into; the .xml twin is converted from it) are made, without the
 * library's objects and without parsing text again. feed-items.test.ts holds both equal to the libraries' own, over
 * thousands of generated items.
 */

/**
 * A property: its name, its parameters, its value type and its value as written in the text; a text value also as
 * it was given (what ical.js's unescaping gives back, line breaks as \n).
 */
type Prop = { name: string; params: [string, string][]; type: string; text: string; value?: string };

export interface WrittenItem {
  /** The unfolded VEVENT text, each line ending in CRLF. */
  text: string;
  /** The zone whose VTIMEZONE block the calendar's head must carry (null: none). */
  zone: string | null;
  jcal: () => JCalComponent;
  /** Its xCal element, written from the same properties (what feed-formats.ts would convert `jcal()` into). */
  xcal: () => string;
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, "0");

/** The date of epoch milliseconds read in UTC, as the library writes it ("20261001"; its zoned path pads the year to 2). */
function basicDate(ms: number, yearWidth: 2 | 4): string {
  const d = new Date(ms);
  const year = yearWidth === 4 ? pad4(d.getUTCFullYear()) : String(d.getUTCFullYear()).padStart(2, "0");
  return year + pad2(d.getUTCMonth() + 1) + pad2(d.getUTCDate());
}

function basicDateTime(ms: number, yearWidth: 2 | 4, utc: boolean): string {
  const d = new Date(ms);
  return `${basicDate(ms, yearWidth)}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}${utc ? "Z" : ""}`;
}

/** An instant as the library writes a UTC time (DTSTAMP, CREATED, UNTIL, …). */
const utcStamp = (instant: Date) => basicDateTime(instant.getTime(), 4, true);

/**
 * C0 controls and DEL other than line breaks (and the tab TEXT allows): RFC 5545 section 3.3.11 forbids them in TEXT,
 * so they are dropped — from the .ics and, as the twins are made from the same values, from the .json and .xml.
 */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const withoutControls = (value: string) => value.replace(FORBIDDEN_IN_TEXT, "");

/** What escapeText or a text's value changes: text without any of these is written as it is (most titles). */
const CHANGED_IN_TEXT = /[\\;,\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text as the library escapes it: `\ ; ,` behind a backslash, every line break as `\n`; controls dropped. */
export function escapeText(value: string): string {
  if (!CHANGED_IN_TEXT.test(value)) return value;
  return withoutControls(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** The wall-clock reading of an instant in the zone as epoch ms in UTC fields (the library's "floating" dates). */
const floating = (instant: Date, timeZone: string) => wallClockMs(instant, timeZone);

/** A local date ("2026-10-20") at the start's wall-clock time (an excluded occurrence). */
function exceptionAt(day: string, startWall: number): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const w = new Date(startWall);
  return Date.UTC(y, m - 1, d, w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
}

/**
 * An all-day series' UNTIL: a DATE like its DTSTART (RFC 5545 section 3.3.10; strict clients drop a rule with a
 * date-time there, showing the first day alone) — the series' last day, as the event form shows it (the stored end
 * is the start of the day after, in the event's zone).
 */
const lastDay = (until: Date, timeZone: string) => basicDate(floating(new Date(until.getTime() - 1), timeZone), 4);

function text(name: string, value: string): Prop {
  if (!CHANGED_IN_TEXT.test(value)) return { name, params: [], type: "text", text: value, value };
  return { name, params: [], type: "text", text: escapeText(value), value: withoutControls(value).replace(/\r\n?/g, "\n") };
}

/** An event as ical-feed.ts has always described it to ical-generator (see the history of addEvent there). */
export function writeEvent(e: FeedEvent, host: string, baseUrl: string | undefined): WrittenItem {
  const zone = !e.allDay && e.timeZone && e.timeZone !== "UTC" ? e.timeZone : null;
  let start = floating(e.startsAt, e.timeZone);
  let end = floating(e.endsAt, e.timeZone);
  const startWall = start;
  if (start > end) [start, end] = [end, start];
  const props: Prop[] = [
    { name: "UID", params: [], type: "text", text: `event-${e.id}@${host}` },
    { name: "SEQUENCE", params: [], type: "integer", text: "0" },
    { name: "DTSTAMP", params: [], type: "date-time", text: utcStamp(e.updatedAt) },
  ];
  if (e.allDay) {
    props.push(
      { name: "DTSTART", params: [["VALUE", "DATE"]], type: "date", text: basicDate(start, 4) },
      { name: "DTEND", params: [["VALUE", "DATE"]], type: "date", text: basicDate(end, 4) },
      { name: "X-MICROSOFT-CDO-ALLDAYEVENT", params: [], type: "unknown", text: "TRUE" },
      { name: "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT", params: [], type: "unknown", text: "TRUE" },
    );
  } else {
    const params: [string, string][] = zone ? [["TZID", zone]] : [];
    props.push(
      { name: "DTSTART", params, type: "date-time", text: zone ? basicDateTime(start, 2, false) : basicDateTime(start, 4, true) },
      { name: "DTEND", params, type: "date-time", text: zone ? basicDateTime(end, 2, false) : basicDateTime(end, 4, true) },
    );
  }
  if (e.recurrenceFreq) {
    let rule = `FREQ=${e.recurrenceFreq === "weekly" ? "WEEKLY" : "MONTHLY"}`;
    if (e.recurrenceCount) rule += `;COUNT=${e.recurrenceCount}`;
    if (e.recurrenceInterval) rule += `;INTERVAL=${e.recurrenceInterval}`;
    // The stored until is exclusive (recurrence.ts), RFC 5545's UNTIL inclusive: a timed series ends a second before.
    if (e.recurrenceUntil) rule += `;UNTIL=${e.allDay ? lastDay(e.recurrenceUntil, e.timeZone) : utcStamp(new Date(e.recurrenceUntil.getTime() - 1000))}`;
    if (e.recurrenceFreq === "weekly") {
      const days = e.recurrenceWeekdays.length ? e.recurrenceWeekdays : [new Date(startWall).getUTCDay()];
      rule += `;BYDAY=${days.map((d) => WEEKDAYS[d]).join(",")}`;
    }
    props.push({ name: "RRULE", params: [], type: "recur", text: rule });
    if (e.exceptionDates.length) {
      const at = e.exceptionDates.map((d) => exceptionAt(d, startWall));
      if (e.allDay) props.push({ name: "EXDATE", params: [["VALUE", "DATE"]], type: "date", text: at.map((ms) => basicDate(ms, 4)).join(",") });
      else if (zone) props.push({ name: "EXDATE", params: [["TZID", zone]], type: "date-time", text: at.map((ms) => basicDateTime(ms, 2, false)).join(",") });
      else props.push({ name: "EXDATE", params: [], type: "date-time", text: at.map((ms) => basicDateTime(ms, 4, true)).join(",") });
    }
  }
  props.push(text("SUMMARY", e.title ?? ""));
  if (e.location) props.push(text("LOCATION", e.location));
  if (e.description) props.push(text("DESCRIPTION", e.description));
  if (baseUrl) props.push({ name: "URL", params: [["VALUE", "URI"]], type: "uri", text: escapeText(`${baseUrl}/events/${e.slug}`) });
  props.push(
    { name: "STATUS", params: [], type: "text", text: e.cancelledAt ? "CANCELLED" : "CONFIRMED" },
    { name: "CREATED", params: [], type: "date-time", text: utcStamp(e.createdAt) },
    { name: "LAST-MODIFIED", params: [], type: "date-time", text: utcStamp(e.updatedAt) },
  );
  return written(props, zone);
}

/** A training or a machine booking: a plain span in UTC with a title and a place. */
export function writeSpan(t: FeedTraining, kind: string, host: string): WrittenItem {
  const [start, end] = t.startsAt.getTime() > t.endsAt.getTime() ? [t.endsAt, t.startsAt] : [t.startsAt, t.endsAt];
  const props: Prop[] = [
    { name: "UID", params: [], type: "text", text: `${kind}-${t.id}@${host}` },
    { name: "SEQUENCE", params: [], type: "integer", text: "0" },
    { name: "DTSTAMP", params: [], type: "date-time", text: utcStamp(t.changedAt) },
    { name: "DTSTART", params: [], type: "date-time", text: utcStamp(start) },
    { name: "DTEND", params: [], type: "date-time", text: utcStamp(end) },
    text("SUMMARY", t.title ?? ""),
  ];
  if (t.location) props.push(text("LOCATION", t.location));
  props.push({ name: "STATUS", params: [], type: "text", text: t.cancelled ? "CANCELLED" : "CONFIRMED" });
  return written(props, null);
}

function written(props: Prop[], zone: string | null): WrittenItem {
  let out = "BEGIN:VEVENT\r\n";
  for (const p of props) {
    out += p.name;
    for (const [k, v] of p.params) out += `;${k}=${v}`;
    out += `:${p.text}\r\n`;
  }
  return { text: `${out}END:VEVENT\r\n`, zone, jcal: () => ["vevent", props.map(jcalProperty), []], xcal: () => xcalItem(props) };
}

/**
 * The xCal of an item's properties written directly (no jCal in between: converting it was most of a cold .xml's
 * time), as feed-formats.ts writes jcalProperty(p) (feed-items.test.ts holds them equal); a recurrence rule, rare and
 * structured, goes through that conversion.
 */
function xcalItem(props: Prop[]): string {
  let out = "<vevent><properties>";
  for (const p of props) {
    const name = p.name.toLowerCase();
    let values: string;
    switch (p.type) {
      case "text":
        values = `<text>${xmlEscape(p.value ?? unescapeText(p.text))}</text>`;
        break;
      case "integer":
        values = `<integer>${xmlEscape(Number(p.text))}</integer>`;
        break;
      case "date":
        values = "";
        for (const v of p.text.split(",")) values += `<date>${xmlEscape(isoDate(v))}</date>`;
        break;
      case "date-time":
        values = "";
        for (const v of p.text.split(",")) values += `<date-time>${xmlEscape(isoDateTime(v))}</date-time>`;
        break;
      case "recur":
        out += xcalProperties([jcalProperty(p)]);
        continue;
      default:
        values = `<${p.type}>${xmlEscape(p.text)}</${p.type}>`;
    }
    let params = "";
    for (const [k, v] of p.params) if (k !== "VALUE") params += `<${k.toLowerCase()}><text>${xmlEscape(v)}</text></${k.toLowerCase()}>`;
    out += `<${name}>${params ? `<parameters>${params}</parameters>` : ""}${values}</${name}>`;
  }
  return `${out}</properties></vevent>`;
}

/** What ical.js's parser makes of a property (design.js: its value types' fromICAL; the VALUE parameter dropped). */
function jcalProperty(p: Prop): JCalProperty {
  const params: Record<string, string> = {};
  for (const [k, v] of p.params) if (k !== "VALUE") params[k.toLowerCase()] = v;
  const name = p.name.toLowerCase();
  switch (p.type) {
    case "text":
      return [name, params, "text", p.value ?? unescapeText(p.text)];
    case "integer":
      return [name, params, "integer", Number(p.text)];
    case "date":
      return [name, params, "date", ...p.text.split(",").map(isoDate)];
    case "date-time":
      return [name, params, "date-time", ...p.text.split(",").map(isoDateTime)];
    case "recur":
      return [name, params, "recur", recur(p.text)];
    default:
      return [name, params, p.type, p.text];
  }
}

/** ical.js's text unescaping (design.js FROM_ICAL_NEWLINE). */
export function unescapeText(value: string): string {
  if (!value.includes("\\")) return value;
  return value.replace(/\\\\|\\;|\\,|\\[Nn]/g, (s) => (s === "\\\\" ? "\\" : s === "\\;" ? ";" : s === "\\," ? "," : "\n"));
}

const isoDate = (basic: string) => `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}`;
const isoDateTime = (basic: string) => `${isoDate(basic)}T${basic.slice(9, 11)}:${basic.slice(11, 13)}:${basic.slice(13, 15)}${basic.endsWith("Z") ? "Z" : ""}`;

/** A recurrence rule as ical.js reads it: numbers as numbers, a repeated day once, one day alone not in a list. */
function recur(rule: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of rule.split(";")) {
    const [key, value] = part.split("=") as [string, string];
    const name = key.toLowerCase();
    if (name === "freq") out.freq = value;
    else if (name === "until") out.until = value.length === 8 ? isoDate(value) : isoDateTime(value);
    else if (name === "count" || name === "interval") out[name] = parseInt(value, 10);
    else {
      const list = [...new Set(value.split(","))];
      out[name] = list.length === 1 ? list[0] : list;
    }
  }
  return out;
}
