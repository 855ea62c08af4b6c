import { createHash } from "node:crypto";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Event } from "@/lib/db/schema";
import { keptEventItem, keptFeedBytes, keptHead, keptItem, type ItemText } from "./feed-render-cache";
import { escapeText, writeEvent, writeSpan, type WrittenItem } from "./feed-items";
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

/** timezones-ical-library takes ~1 ms per call: each zone's block once (a few hundred zones at most). */
const vtimezones = new Map<string, string | null>();
export function vtimezone(tz: string): string | null {
  if (!vtimezones.has(tz)) vtimezones.set(tz, tzlib_get_ical_block(tz)[0] ?? null);
  return vtimezones.get(tz)!;
}

/** What a feed renders of an event (feed-events.ts reads just these columns), with its rooms as one location. */
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
  const bytes = () => keptFeedBytes(etag, () => encodeParts(renderParts(input)));
  return { body: () => bytes().toString("utf8"), bytes, parts: () => renderParts(input), etag, lastModified, input };
}

/** A feed's text is `head`, each item's text, then FEED_END. */
export interface FeedParts {
  head: string;
  items: ItemText[];
}
export const FEED_END = "END:VCALENDAR";

/** The parts' text joined and encoded at once (cheaper than keeping a buffer per item: ~1 ms for 1,000 events). */
function encodeParts(parts: FeedParts): Buffer<ArrayBuffer> {
  let text = parts.head;
  for (const i of parts.items) text += i.text;
  return Buffer.from(text + FEED_END);
}

/**
 * The feed's text: the calendar's head (name, product id, VTIMEZONE blocks), then each item's VEVENT text, each
 * written by hand (feed-items.ts), folded on its own (folding starts afresh at every line end, so the whole text is
 * the same) and kept by what it is made of (feed-render-cache.ts), so that after one event changes only that event
 * is written again. feed-items.test.ts holds the result equal, byte for byte, to ical-generator's own toString() of
 * the same calendar (testing/ical-generator-oracle.ts).
 */
export function renderFeed(input: FeedInput): string {
  const { head, items } = renderParts(input);
  let text = head;
  for (const i of items) text += i.text;
  return text + FEED_END;
}

/** The feed's text in parts (renderFeed joins them): the folded head and each item's folded VEVENT text. */
export function renderParts(input: FeedInput): FeedParts {
  const { host, baseUrl } = input;
  const variant = `${host} ${baseUrl ?? ""}`;
  const items = [
    ...input.events.map((e) => keptEventItem(e, variant, () => folded(writeEvent(e, host, baseUrl)))),
    ...spansOf(input).map(({ t, kind }) => keptItem(JSON.stringify(["s", kind, host, spanParts(t)]), () => folded(writeSpan(t, kind, host)))),
  ];
  // The zones in the order the items name them (none for all-day and UTC items).
  const zones = [...new Set(items.map((i) => i.zone))].filter((z): z is string => z !== null);
  return { head: keptHead(JSON.stringify([input.name, zones]), () => foldLines(headText(input.name, zones))), items };
}

function folded(item: WrittenItem): Omit<ItemText, "key"> {
  return { text: foldLines(item.text), zone: item.zone, jcal: item.jcal, xcal: item.xcal };
}

export function spansOf(input: FeedInput) {
  return [...(input.trainings ?? []).map((t) => ({ t, kind: "training" })), ...(input.bookings ?? []).map((t) => ({ t, kind: "booking" }))];
}

/** The product id ical-generator writes for { company: "makerspace", product: "calendar", language: "EN" }. */
export const PROD_ID = "-//makerspace//calendar//EN";

/** The head of the calendar's text as ical-generator writes it: its name, product id and the zones' VTIMEZONE blocks. */
function headText(name: string, zones: string[]): string {
  let text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:${PROD_ID}\r\n`;
  // TEXT (RFC 7986): a name saved before names refused control characters must not start a line of its own.
  if (name) text += `NAME:${escapeText(name)}\r\nX-WR-CALNAME:${escapeText(name)}\r\n`;
  for (const tz of zones) {
    if (tz.startsWith("/")) continue;
    const block = vtimezone(tz);
    if (block) text += `${block.replace(/\r\n/g, "\n").replace(/\n/g, "\r\n").trim()}\r\n`;
  }
  return text;
}
