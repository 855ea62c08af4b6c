import { createHash } from "node:crypto";
import ical, { type ICalCalendar, ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Event } from "@/lib/db/schema";
import { wallTimeOf, weekday } from "@/lib/time";
import { foldLines } from "./ical-fold";

export interface FeedTraining {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  cancelled: boolean;
  changedAt: Date;
}

export interface Feed {
  /** The text, decoded from `bytes()` (for tests and tools; the routes send the bytes). */
  body: () => string;
  /**
   * The body as sent: UTF-8, rendered on demand and kept by ETag, so a 304 answer never pays for generating the
   * calendar and a 200 answer neither joins nor encodes the text again.
   */
  bytes: () => Buffer<ArrayBuffer>;
  /** The text in its parts (the .xml/.json twins convert each part once: feed-formats.ts). */
  parts: () => FeedParts;
  etag: string;
  lastModified: Date;
  /** What it was built from: a change to a few events makes the next feed from this (feed-cache.ts). */
  input: FeedInput;
}

/** timezones-ical-library takes ~1 ms per call and ical-generator asks once per event. */
const vtimezones = new Map<string, string | null>();
function vtimezone(tz: string): string | null {
  if (!vtimezones.has(tz)) vtimezones.set(tz, tzlib_get_ical_block(tz)[0] ?? null);
  return vtimezones.get(tz)!;
}

/** Feeds' bytes by ETag (most recently used last). */
const rendered = new Map<string, Buffer<ArrayBuffer>>();
const RENDER_CACHE = 32;

/** For benchmarks measuring the cold path. */
export function clearRenderedFeeds(): void {
  rendered.clear();
  heads.clear();
  itemTexts.clear();
  eventTexts = new WeakMap();
}

const WEEKDAYS = [ICalWeekday.SU, ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA];

/**
 * ical-generator writes a Date's UTC fields as the wall-clock time of the event's TZID, so we hand it
 * "floating" dates whose UTC fields are the local reading; VTIMEZONE blocks come from timezones-ical-library.
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

/** What a feed renders of an event (feed-queries.ts reads just these columns), with its rooms as one location. */
export type FeedEvent = Pick<
  Event,
  | "id"
  | "slug"
  | "title"
  | "description"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "allDay"
  | "recurrenceFreq"
  | "recurrenceInterval"
  | "recurrenceUntil"
  | "recurrenceCount"
  | "recurrenceWeekdays"
  | "exceptionDates"
  | "cancelledAt"
  | "createdAt"
  | "updatedAt"
> & { location?: string };

export type FeedInput = {
  name: string;
  host: string;
  baseUrl?: string;
  events: FeedEvent[];
  trainings?: FeedTraining[];
  /** Machine bookings (same shape as a training: a plain span with a title and a place). */
  bookings?: FeedTraining[];
  /** Changes that are not visible in the items themselves (e.g. a cancelled registration). */
  extraModified?: Date[];
};

/** Everything that shapes the body goes into the ETag, so equal ETags mean equal bodies. */
function fingerprint(input: FeedInput): string {
  const parts = {
    n: input.name,
    h: input.host,
    b: input.baseUrl,
    e: input.events.map((e) => [e.id, e.updatedAt.getTime(), e.location ?? ""]),
    t: (input.trainings ?? []).map(spanParts),
    k: (input.bookings ?? []).map(spanParts),
  };
  return `"${createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 27)}"`;
}

function spanParts(t: FeedTraining) {
  return [t.id, t.title, t.startsAt.getTime(), t.endsAt.getTime(), t.location, t.cancelled, t.changedAt.getTime()];
}

export function buildFeed(input: FeedInput): Feed {
  const etag = fingerprint(input);
  const times = [
    ...input.events.map((e) => e.updatedAt.getTime()),
    ...[...(input.trainings ?? []), ...(input.bookings ?? [])].map((t) => t.changedAt.getTime()),
    ...(input.extraModified ?? []).map((d) => d.getTime()),
    0,
  ];
  // HTTP dates have whole seconds; round down so If-Modified-Since of the sent value matches.
  const lastModified = new Date(Math.floor(Math.max(...times) / 1000) * 1000);
  const bytes = () => {
    let found = rendered.get(etag);
    if (found === undefined) {
      found = encodeParts(renderParts(input));
      if (rendered.size >= RENDER_CACHE) rendered.delete(rendered.keys().next().value!);
    } else rendered.delete(etag);
    rendered.set(etag, found);
    return found;
  };
  return { body: () => bytes().toString("utf8"), bytes, parts: () => renderParts(input), etag, lastModified, input };
}

/** A feed's text is `head`, each item's text, then FEED_END. */
export interface FeedParts {
  head: string;
  items: ItemText[];
}
export const FEED_END = "END:VCALENDAR";
const END_BYTES = Buffer.from(FEED_END);

/**
 * The parts' UTF-8 bytes joined: each item is encoded once (kept with its text) and copied, so a feed made again
 * after one event changed costs a copy of the others' bytes, not a join and an encoding of the whole text. Equal
 * to encoding the joined text: an item is whole characters (a surrogate pair never straddles two parts).
 */
function encodeParts(parts: FeedParts): Buffer<ArrayBuffer> {
  const chunks = [Buffer.from(parts.head)];
  for (const i of parts.items) chunks.push((i.bytes ??= Buffer.from(i.text)));
  chunks.push(END_BYTES);
  return Buffer.concat(chunks);
}

/**
 * The feed's text: the calendar's head (name, product id, VTIMEZONE blocks), then each item's VEVENT text, each
 * folded on its own (folding starts afresh at every line end, so the whole text is the same) and kept by what it is
 * made of, so that after one event changes only that event is written again. ical-feed-bytes.test.ts holds the
 * result equal, byte for byte, to ical-generator's own toString() of buildCalendar.
 */
export function renderFeed(input: FeedInput): string {
  const { head, items } = renderParts(input);
  let text = head;
  for (const i of items) text += i.text;
  return text + FEED_END;
}

/** The feed's text in parts (renderFeed joins them): the folded head and each item's folded VEVENT text. */
export function renderParts(input: FeedInput): FeedParts {
  const items = [
    ...input.events.map((e) => eventItem(e, input.host, input.baseUrl)),
    ...spansOf(input).map(({ t, kind }) => item(["s", kind, input.host, spanParts(t)], (c) => addSpan(c, t, kind, input.host))),
  ];
  // The zones in the order the library meets them (it writes no block for some, e.g. "UTC": it tells us which).
  const zones = [...new Set(items.map((i) => i.zone))].filter((z): z is string => z !== null);
  return { head: headOf(input.name, zones), items };
}

/** Folded heads by name and zones: the same few for every feed made again. */
const heads = new Map<string, string>();
function headOf(name: string, zones: string[]): string {
  const key = JSON.stringify([name, zones]);
  let head = heads.get(key);
  if (head === undefined) {
    head = foldLines(headText(ical({ name, prodId: PROD_ID }), zones));
    if (heads.size >= RENDER_CACHE) heads.delete(heads.keys().next().value!);
    heads.set(key, head);
  }
  return head;
}

const PROD_ID = { company: "makerspace", product: "calendar", language: "EN" };

/**
 * A folded VEVENT text and its zone, kept by what it is made of (most recently used last), with its bytes once
 * encoded (encodeParts) and its .json/.xml twins once converted (feed-formats.ts); never changed otherwise.
 */
export type ItemText = { readonly text: string; readonly zone: string | null; bytes?: Buffer<ArrayBuffer> };
const itemTexts = new Map<string, ItemText>();
const ITEM_CACHE = 8192;

/**
 * An event's text by the row it is made of: a feed made again after a change (feed-cache.ts) holds the same row
 * objects for the events that did not change, so those are found without writing out their key (that was most
 * of such a feed's time). Rows are never changed in place.
 */
let eventTexts = new WeakMap<FeedEvent, { variant: string; found: ItemText }>();

function eventItem(e: FeedEvent, host: string, baseUrl: string | undefined): ItemText {
  const variant = `${host} ${baseUrl ?? ""}`;
  const memo = eventTexts.get(e);
  if (memo?.variant === variant) return memo.found;
  const found = item(["e", host, baseUrl ?? null, e], (c) => addEvent(c, e, host, baseUrl));
  eventTexts.set(e, { variant, found });
  return found;
}

function item(madeOf: unknown[], add: (cal: ICalCalendar) => void): ItemText {
  const key = JSON.stringify(madeOf);
  let found = itemTexts.get(key);
  if (found === undefined) {
    const cal = ical({ prodId: PROD_ID });
    cal.timezone({ name: null, generator: vtimezone });
    add(cal);
    const event = cal.events()[0]!;
    found = { text: foldLines(event.toString()), zone: event.timezone() };
    if (itemTexts.size >= ITEM_CACHE) itemTexts.delete(itemTexts.keys().next().value!);
  } else itemTexts.delete(key);
  itemTexts.set(key, found);
  return found;
}

/** The feed as ical-generator's calendar (ical-feed-bytes.test.ts compares its toString() with renderFeed). */
export function buildCalendar(input: FeedInput): ICalCalendar {
  const cal = ical({ name: input.name, prodId: PROD_ID });
  cal.timezone({ name: null, generator: vtimezone });
  for (const e of input.events) addEvent(cal, e, input.host, input.baseUrl);
  for (const { t, kind } of spansOf(input)) addSpan(cal, t, kind, input.host);
  // DTSTAMP is each item's own change time, not "now", so an unchanged feed has an unchanged body.
  return cal;
}

function spansOf(input: FeedInput) {
  return [...(input.trainings ?? []).map((t) => ({ t, kind: "training" })), ...(input.bookings ?? []).map((t) => ({ t, kind: "booking" }))];
}

function addEvent(cal: ICalCalendar, e: FeedInput["events"][number], host: string, baseUrl: string | undefined): void {
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
          ...(e.recurrenceUntil ? { until: e.recurrenceUntil } : {}),
          ...(e.recurrenceFreq === "weekly" ? { byDay: (e.recurrenceWeekdays.length ? e.recurrenceWeekdays : [toWeekday(e)]).map((d) => WEEKDAYS[d]!) } : {}),
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

/** The head of the calendar's text as ical-generator writes it: its name, product id and the zones' VTIMEZONE blocks. */
function headText(cal: ICalCalendar, zones: string[]): string {
  let text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${cal.prodId()}\r\n`;
  const name = cal.name();
  if (name) text += `NAME:${name}\r\nX-WR-CALNAME:${name}\r\n`;
  for (const tz of zones) {
    if (tz.startsWith("/")) continue;
    const block = vtimezone(tz);
    if (block) text += `${block.replace(/\r\n/g, "\n").replace(/\n/g, "\r\n").trim()}\r\n`;
  }
  return text;
}

function toWeekday(e: FeedEvent): number {
  return weekday(wallTimeOf(e.startsAt, e.timeZone));
}
