import type { FeedChange } from "./feed-cache";
import { buildFeed, type Feed, type FeedEvent } from "./ical-feed";

/** Tables the public and room feeds never read (registrations, trainings, bookings, tokens …): a change there keeps them. */
export const NOT_IN_EVENT_FEEDS: ReadonlySet<string> = new Set([
  "event_registrations",
  "training_sessions",
  "training_signups",
  "machine_bookings",
  "calendar_feed_tokens",
  "machines",
  "equipment_types",
]);
/** Tables whose changes name their event (the change log's event_id): those events alone are read again. */
const EVENT_TABLES: ReadonlySet<string> = new Set(["events", "event_rooms", "event_occurrences"]);

/**
 * The feed kept, with the events changed since fetched again by `fetch` (the feed's own query narrowed to their
 * ids: one that no longer belongs in the feed comes back as none) and put in the full query's order (start, id).
 * The feed kept itself when nothing it reads changed (`ignored`); null, to build it whole, when anything but its
 * events changed (a room's name, the space's name, a TRUNCATE). Equal bytes to a whole build:
 * feed-changes.int.test.ts.
 */
export async function withChangedEvents(
  kept: Feed,
  changes: FeedChange[],
  ignored: ReadonlySet<string>,
  fetch: (ids: number[]) => Promise<FeedEvent[]>,
): Promise<Feed | null> {
  const ids = new Set<number>();
  for (const c of changes) {
    if (ignored.has(c.table)) continue;
    if (!EVENT_TABLES.has(c.table) || c.eventId === null) return null;
    ids.add(c.eventId);
  }
  if (!ids.size) return kept;
  const fresh = await fetch([...ids]);
  const list = [...kept.input.events.filter((e) => !ids.has(e.id)), ...fresh];
  list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  return buildFeed({ ...kept.input, events: list });
}
