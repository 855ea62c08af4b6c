import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
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
  feed: Feed;
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

/**
 * The feed under `key` (one per feed, its address's host and base URL: the format is converted from it) as built
 * by `build` at the current change marker. A null (bad token, unknown room) is not kept. Without a kept feed the
 * marker is read once, inside the build's snapshot.
 */
export async function cachedFeed(db: Db, key: string, build: (db: Db) => Promise<Feed | null>): Promise<Feed | null> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.marker === (await markerOf(db)) && Date.now() - hit.builtAt < MAX_AGE_MS) {
    // Most recently used last: the first entry is the one to drop.
    entries.delete(key);
    entries.set(key, hit);
    return hit.feed;
  }
  const builtAt = Date.now();
  // The marker is the snapshot's first read: the feed is the feed of this marker.
  const { feed, marker } = await db.transaction(async (tx) => ({ marker: await markerOf(tx), feed: await build(tx) }), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
  entries.delete(key);
  if (feed) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { marker, builtAt, feed });
  }
  return feed;
}
