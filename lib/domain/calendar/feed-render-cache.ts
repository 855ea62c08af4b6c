import { ByteLru, stringBytes } from "@/lib/domain/shared/byte-lru";
import type { JCalComponent } from "./feed-formats";
import type { FeedEvent } from "./ical-feed";

/**
 * What the feeds keep of their rendering, bounded by the bytes it holds (feeds differ a thousandfold in size):
 * every format's bytes of the feeds served lately, by ETag, and each item's text with its UTF-8 bytes and its
 * .json/.xml twins, by what the item is made of — so a feed made again after one event changed writes that event
 * alone and copies the others' bytes (ical-feed.ts, feed-formats.ts).
 */

/** ~4 feeds of 1,000 events in all three formats, or many small ones. */
export const FEED_BYTES_BUDGET = 16 * 1024 * 1024;
/** Each item of 1,000 events with all its forms takes ~3 KB: room for several thousand. */
export const ITEM_BYTES_BUDGET = 24 * 1024 * 1024;

/** An item's .json and .xml forms as UTF-8 (feed-formats.ts), each made when first asked for. */
export type Twins = { json?: string; xml?: string };

/**
 * A folded VEVENT text and its zone, kept by what it is made of, with its twins once converted (feed-formats.ts, from the jCal `component` that `jcal` makes, both let
 * go once both twins are made); its text never changes.
 */
export type ItemText = {
  readonly key: string;
  readonly text: string;
  readonly zone: string | null;
  twins?: Twins;
  jcal?: () => JCalComponent;
  /** Its .xml twin written from the same properties as `jcal` (feed-items.ts). */
  xcal?: () => string;
  component?: JCalComponent;
  /** The event row it was written from (keptEventItem). */
  source?: FeedEvent;
};

/**
 * Roughly what an item holds: its key, the row it was written from and its text (two bytes a character at most), the properties `jcal` keeps and the
 * component it made (each about the text again) until both twins are made, and the twins.
 */
function itemBytes(i: ItemText): number {
  return (
    stringBytes(i.key) +
    (i.source ? 200 + stringBytes(i.source.title ?? "") + stringBytes(i.source.description ?? "") + stringBytes(i.source.slug ?? "") : 0) +
    stringBytes(i.text) * (1 + (i.jcal ? 1 : 0) + (i.component ? 1 : 0)) +
    stringBytes(i.twins?.json ?? "") +
    stringBytes(i.twins?.xml ?? "")
  );
}

const feedBytes = new ByteLru<string, Buffer<ArrayBuffer>>(FEED_BYTES_BUDGET, (b) => b.byteLength);
const items = new ByteLru<string, ItemText>(ITEM_BYTES_BUDGET, itemBytes);
/** Folded heads (name, product id, VTIMEZONE blocks) by name and zones: the same few for every feed. */
const heads = new ByteLru<string, string>(1024 * 1024, stringBytes);

/** For benchmarks measuring the cold path, and tests. */
export function clearRenderedFeeds(): void {
  feedBytes.clear();
  items.clear();
  heads.clear();
}

/** A feed's bytes in one format (`key` its ETag and format), made by `make` unless kept. */
export function keptFeedBytes(key: string, make: () => Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  let found = feedBytes.get(key);
  if (found === undefined) feedBytes.set(key, (found = make()));
  return found;
}

export function keptHead(key: string, make: () => string): string {
  let found = heads.get(key);
  if (found === undefined) heads.set(key, (found = make()));
  return found;
}

/** The item kept under `key`, or the one `make` writes (then kept). */
export function keptItem(key: string, make: () => Omit<ItemText, "key">): ItemText {
  let found = items.get(key);
  if (found === undefined) {
    const made = make();
    items.set(key, (found = { key, text: made.text, zone: made.zone, jcal: made.jcal, xcal: made.xcal }));
  }
  return found;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());
/** Lists equal by their elements (a row of a single event may carry none: writeEvent reads them only for a series). */
const sameList = <T>(a: readonly T[] | null, b: readonly T[] | null) =>
  a === b || (a !== null && b !== null && a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/** Everything an event's item is made of (feed-items.ts writeEvent reads these and nothing else) is the same. */
export function sameEvent(a: FeedEvent, b: FeedEvent): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.slug === b.slug &&
      a.title === b.title &&
      a.description === b.description &&
      (a.location ?? null) === (b.location ?? null) &&
      ms(a.startsAt) === ms(b.startsAt) &&
      ms(a.endsAt) === ms(b.endsAt) &&
      a.timeZone === b.timeZone &&
      a.allDay === b.allDay &&
      a.recurrenceFreq === b.recurrenceFreq &&
      a.recurrenceInterval === b.recurrenceInterval &&
      ms(a.recurrenceUntil) === ms(b.recurrenceUntil) &&
      a.recurrenceCount === b.recurrenceCount &&
      sameList(a.recurrenceWeekdays, b.recurrenceWeekdays) &&
      sameList(a.exceptionDates, b.exceptionDates) &&
      ms(a.cancelledAt) === ms(b.cancelledAt) &&
      ms(a.createdAt) === ms(b.createdAt) &&
      ms(a.updatedAt) === ms(b.updatedAt))
  );
}

/**
 * An event's item for an address (`variant`: its host and base URL), kept under the event's id and checked against
 * the row it was made of: a row equal in every field the item is written from (`sameEvent`; the same row object
 * after a change elsewhere) finds it, any other replaces it. Cheaper than a key spelling the whole row out (writing
 * and hashing that key was a fifth of a cold feed's rendering, issue 20); one version of an event per address is kept.
 */
export function keptEventItem(e: FeedEvent, variant: string, make: () => Omit<ItemText, "key">): ItemText {
  const key = `e ${e.id} ${variant}`;
  const found = items.get(key);
  if (found !== undefined && found.source !== undefined && sameEvent(found.source, e)) {
    // Held by the newest row: the older one can go with the feed that read it.
    found.source = e;
    return found;
  }
  const made = make();
  const item: ItemText = { key, text: made.text, zone: made.zone, jcal: made.jcal, xcal: made.xcal, source: e };
  items.set(key, item);
  return item;
}

/** An item grew (its bytes or twins were made): counted again. */
export function itemGrew(item: ItemText): void {
  items.resize(item.key);
}

/** What the caches hold now (tests). */
export function renderCacheBytes(): { feeds: number; items: number; heads: number } {
  return { feeds: feedBytes.bytes, items: items.bytes, heads: heads.bytes };
}
