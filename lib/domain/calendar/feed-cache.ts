import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Feed } from "./ical-feed";

/**
 * Feeds built once per change, not per request. Every write to a table a feed reads advances a change marker in the
 * database (drizzle/sql/calendar-version.ts; people, roles and machines advance ms_data_version): a request reads the
 * marker (one tiny query, in every web instance alike) and is answered from the feed built at that marker, without
 * the feed's queries; the rendered text is cached by ETag (ical-feed.ts), the .xml/.json twins too (feed-response.ts).
 *
 * A marker is a sequence (not transactional): a writer's bump is visible before its commit. So a feed is kept only
 * when it was read in a snapshot that saw every bump up to the marker read before it: the marker is read first, then
 * the feed in one repeatable-read transaction whose snapshot has no transaction of this database in flight (else it is served once,
 * not kept). The embedded database runs one transaction at a time, so there it is always kept.
 */

/** What a feed depends on: calendar tables only (public and room feeds), or people, roles and machines too. */
export type FeedWatch = "calendar" | "calendar-and-people";

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

async function markerOf(db: Db, watch: FeedWatch): Promise<string> {
  const [row] = await db.execute<{ calendar: string; data: string }>(
    sql`select (select last_value::text || ':' || is_called::text from ms_calendar_version) as calendar,
               (select last_value::text || ':' || is_called::text from ms_data_version) as data`,
  );
  return watch === "calendar" ? row!.calendar : `${row!.calendar}/${row!.data}`;
}

/**
 * The feed under `key` (one per feed, its address's host and base URL: the format is converted from it) as built
 * by `build` at the current change marker. A null (bad token, unknown room) is not kept.
 */
export async function cachedFeed(db: Db, key: string, watch: FeedWatch, build: (db: Db) => Promise<Feed | null>): Promise<Feed | null> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const marker = await markerOf(db, watch);
  const hit = entries.get(key);
  if (hit && hit.marker === marker && Date.now() - hit.builtAt < MAX_AGE_MS) {
    // Most recently used last: the first entry is the one to drop.
    entries.delete(key);
    entries.set(key, hit);
    return hit.feed;
  }
  const builtAt = Date.now();
  const { feed, settled } = await db.transaction(
    async (tx) => {
      // Only this database's writers can bump its marker: transactions in flight in other databases of the same
      // server (other apps, other test databases) must not keep every feed from being kept.
      const [row] = await tx.execute<{ busy: number }>(sql`select count(*)::int as busy from pg_snapshot_xip(pg_current_snapshot()) x
        where exists (select 1 from pg_stat_activity a where a.datname = current_database() and a.backend_xid = x::xid)`);
      return { feed: await build(tx), settled: Number(row!.busy) === 0 };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  entries.delete(key);
  if (feed && settled) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { marker, builtAt, feed });
  }
  return feed;
}
