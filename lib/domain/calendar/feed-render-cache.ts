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
};

/**
 * Roughly what an item holds: its key and text (two bytes a character at most), the properties `jcal` keeps and the
 * component it made (each about the text again) until both twins are made, and the twins.
 */
function itemBytes(i: ItemText): number {
  return (
    stringBytes(i.key) +
    stringBytes(i.text) * (1 + (i.jcal ? 1 : 0) + (i.component ? 1 : 0)) +
    stringBytes(i.twins?.json ?? "") +
    stringBytes(i.twins?.xml ?? "")
  );
}

const feedBytes = new ByteLru<string, Buffer<ArrayBuffer>>(FEED_BYTES_BUDGET, (b) => b.byteLength);
const items = new ByteLru<string, ItemText>(ITEM_BYTES_BUDGET, itemBytes);
/** Folded heads (name, product id, VTIMEZONE blocks) by name and zones: the same few for every feed. */
const heads = new ByteLru<string, string>(1024 * 1024, stringBytes);

/**
 * An event's item key by the row it is made of: a feed made again after a change (feed-cache.ts) holds the same
 * row objects for the events that did not change, so their key is found without writing it out again (that was
 * most of such a feed's time). Rows are never changed in place. Only the key is held here: the item itself lives
 * in `items` alone, so the budget counts all of it.
 */
let eventKeys = new WeakMap<FeedEvent, { variant: string; key: string }>();

/** For benchmarks measuring the cold path, and tests. */
export function clearRenderedFeeds(): void {
  feedBytes.clear();
  items.clear();
  heads.clear();
  eventKeys = new WeakMap();
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
  if (found === undefined) items.set(key, (found = { key, ...make() }));
  return found;
}

/** An event's item, found by its row when this row was rendered before for the same address. */
export function keptEventItem(e: FeedEvent, variant: string, keyOf: () => string, make: () => Omit<ItemText, "key">): ItemText {
  const memo = eventKeys.get(e);
  const key = memo?.variant === variant ? memo.key : keyOf();
  if (memo?.variant !== variant) eventKeys.set(e, { variant, key });
  return keptItem(key, make);
}

/** An item grew (its bytes or twins were made): counted again. */
export function itemGrew(item: ItemText): void {
  items.resize(item.key);
}

/** What the caches hold now (tests). */
export function renderCacheBytes(): { feeds: number; items: number; heads: number } {
  return { feeds: feedBytes.bytes, items: items.bytes, heads: heads.bytes };
}
