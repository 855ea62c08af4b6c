import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { CHANGE_LOG_MARKERS } from "@/drizzle/sql/feed-marker";
import type { Feed } from "./ical-feed";

/**
 * Feeds built once per change, not per request. Every transaction that writes a table a feed reads bumps a change
 * marker at its commit (drizzle/sql/feed-marker.ts, a counter row): a request reads the marker (one tiny query, in
 * every web instance alike) and is answered from the feed built at that marker, without the feed's queries; the
 * rendered text is cached by ETag (ical-feed.ts), the .xml/.json twins too (feed-response.ts).
 *
 * The marker is transactional: a feed is built in one repeatable-read snapshot that reads the marker first, so the
 * feed kept is exactly the feed of the marker kept, however many transactions (a broker writing usage all the
 * time, other databases on the server) are in flight. Concurrent writers of the feeds' tables do not stop it
 * either: what they change is not in the snapshot, and their commit moves the marker past the one kept.
 */

interface Entry {
  marker: string;
  builtAt: number;
  /** The time the feed was built whole for: its window (the last 180 days) stays until it is built whole again. */
  now: Date;
  feed: Feed;
}

/** A change since a kept feed: the table written and the event it was about (null: the table as a whole). */
export interface FeedChange {
  table: string;
  eventId: number | null;
}

/**
 * How a feed is made. `build` makes it whole. `update`, where given, makes it from the feed kept and the changes
 * since (the change log of drizzle/sql/feed-marker.ts): it returns the feed kept when none of them is read by it,
 * the feed with just the changed events fetched again, or null to have it built whole. Both read inside the
 * snapshot of the marker, at `now`.
 */
export interface FeedSource {
  build: (db: Db, now: Date) => Promise<Feed | null>;
  update?: (db: Db, kept: Feed, changes: FeedChange[], now: Date) => Promise<Feed | null>;
}

const MAX_ENTRIES = 64;
/** Feeds show a window that moves with time (the last 180 days): rebuilt at least this often, changes or not. */
const MAX_AGE_MS = 60 * 60_000;
/** Per database handle (a process has one; tests and benchmarks may open several). */
const caches = new WeakMap<Db, Map<string, Entry>>();

/** For benchmarks measuring the cold path. */
export function clearCachedFeeds(db: Db): void {
  caches.delete(db);
}

/** The marker as the database has it now (committed changes); inside a transaction, as its snapshot sees it. */
async function markerOf(db: Db): Promise<string> {
  const [row] = await db.execute<{ changes: string }>(sql`select changes::text from ms_internal.feed_marker where id = 1`);
  return row!.changes;
}

/** What changed after `marker` as this snapshot sees it; null when the log no longer reaches back that far. */
async function changesSince(db: Db, marker: string, current: string): Promise<FeedChange[] | null> {
  if (BigInt(current) - BigInt(marker) >= BigInt(CHANGE_LOG_MARKERS)) return null;
  const rows = await db.execute<{ table_name: string; event_id: number | null }>(
    sql`select distinct table_name, event_id from ms_internal.feed_changes where marker > ${marker}::bigint`,
  );
  return rows.map((r) => ({ table: r.table_name, eventId: r.event_id }));
}

/**
 * The feed under `key` (one per feed, its address's host and base URL: the format is converted from it) as made
 * by `source` at the current change marker. A null (bad token, unknown room) is not kept. Without a kept feed the
 * marker is read once, inside the build's snapshot; with one kept at an older marker, the source updates it from
 * the changes since, in the same snapshot, so only what changed is read again.
 */
export async function cachedFeed(db: Db, key: string, source: FeedSource | FeedSource["build"]): Promise<Feed | null> {
  const { build, update } = typeof source === "function" ? { build: source, update: undefined } : source;
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const hit = entries.get(key);
  const fresh = hit && Date.now() - hit.builtAt < MAX_AGE_MS;
  if (fresh && hit.marker === (await markerOf(db))) {
    // Most recently used last: the first entry is the one to drop.
    entries.delete(key);
    entries.set(key, hit);
    return hit.feed;
  }
  const kept = fresh && update ? hit : undefined;
  // The marker is the snapshot's first read: the feed is the feed of this marker.
  const made = await db.transaction(
    async (tx) => {
      const marker = await markerOf(tx);
      const changes = kept ? await changesSince(tx, kept.marker, marker) : null;
      if (kept && changes) {
        const feed = await update!(tx, kept.feed, changes, kept.now);
        if (feed) return { marker, feed, builtAt: kept.builtAt, now: kept.now };
      }
      const now = new Date();
      return { marker, feed: await build(tx, now), builtAt: now.getTime(), now };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  entries.delete(key);
  if (made.feed) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, made as Entry);
  }
  return made.feed;
}
