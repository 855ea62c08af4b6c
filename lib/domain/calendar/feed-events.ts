import { sql, type SQL } from "drizzle-orm";
import { executePrepared } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/client";
import { eventOccurrences, eventRooms, events, rooms } from "@/lib/db/schema";
import type { FeedEvent } from "./ical-feed";

export interface FeedContext {
  host: string;
  baseUrl?: string;
  now?: Date;
}

/** Feeds carry what is current or recent; older items only cost every subscriber bandwidth. */
export const PAST_DAYS = 180;

/** An event with an occurrence ending after the cutoff (feeds carry the recent and upcoming ones). */
export function recent(now: Date): SQL {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  return sql`exists (select 1 from ${eventOccurrences} o where o.event_id = ${events.id} and o.ends_at > ${cutoff.toISOString()}::timestamptz)`;
}

/** A row of feedEvents' statement: its instants as epoch milliseconds (int8, as text), its lists joined by commas. */
interface FeedEventRow extends Record<string, unknown> {
  id: number;
  slug: string;
  title: string;
  description: string;
  starts_ms: string;
  ends_ms: string;
  time_zone: string;
  all_day: boolean;
  recurrence_freq: "weekly" | "monthly" | null;
  recurrence_interval: number;
  recurrence_until_ms: string | null;
  recurrence_count: number | null;
  recurrence_weekdays: string;
  exception_dates: string;
  cancelled_ms: string | null;
  created_ms: string;
  updated_ms: string;
  location: string;
}

/**
 * An instant as epoch milliseconds, cut to the millisecond as a JS Date reads PostgreSQL's text (floor: the same
 * Date the driver's parsing gave). Numbers cross the wire and are read in a fraction of the time dates as text are.
 */
const msOf = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::int8`;
const dateOf = (ms: string) => new Date(Number(ms));

/**
 * How a statement finds each event's location. "grouped": the rooms' names joined once and grouped by event, then
 * joined to the events (for the public feed, which reads most events: a subquery per event was most of the query's
 * time). "per event": each selected event's rooms looked up by the event_rooms key and grouped with the event (for a
 * room's or a person's feed, a few events of many). Without planner statistics (PGlite has no autovacuum; a
 * database is analyzed after install, restore and nightly) the planner guesses a few events for a narrow
 * selection and joined the grouped names in a nested loop, grouping all of them again for every event: a room's
 * 100 of 1,000 events took 105 ms, "per event" 12 ms (load ~20; 3.5 ms either way once analyzed).
 * feed-statement-plans.int.test.ts.
 */
export type FeedLocations = "grouped" | "per event";

/**
 * A feed's events with their location, in one prepared statement of the columns a feed renders (reading whole
 * rows and the rooms in a second query cost more than the rest of the build); `ids` narrows it to the events
 * changed since a kept feed (feed-cache.ts). Read without the ORM's row mapping and with instants as numbers:
 * mapping 1,000 rows of 17 columns (a Date parsed from text per instant) took as long as the database's work (issue 20).
 */
export async function feedEvents(db: Db, where: SQL | undefined, ids?: number[], locations: FeedLocations = "grouped"): Promise<FeedEvent[]> {
  // One parameter for any number of ids: the statement's text, and so its preparation, stays the same.
  const only = (column: SQL) => (ids ? sql`and ${column} = any(${`{${ids.join(",")}}`}::int[])` : sql``);
  const columns = sql`${events.id}, ${events.slug}, ${events.title}, ${events.description},
          ${msOf(sql`${events.startsAt}`)} as starts_ms, ${msOf(sql`${events.endsAt}`)} as ends_ms, ${events.timeZone}, ${events.allDay},
          ${events.recurrenceFreq}, ${events.recurrenceInterval}, ${msOf(sql`${events.recurrenceUntil}`)} as recurrence_until_ms,
          ${events.recurrenceCount}, array_to_string(${events.recurrenceWeekdays}, ',') as recurrence_weekdays, array_to_string(${events.exceptionDates}, ',') as exception_dates,
          ${msOf(sql`${events.cancelledAt}`)} as cancelled_ms, ${msOf(sql`${events.createdAt}`)} as created_ms,
          ${msOf(sql`${events.updatedAt}`)} as updated_ms`;
  const selected = sql`${where ?? sql`true`} ${only(sql`${events.id}`)}`;
  const rows = await executePrepared<FeedEventRow>(
    db,
    "feed-events",
    locations === "grouped"
      ? sql`select ${columns}, coalesce(event_locations.location, '') as location
        from ${events}
        left join (
          select er.event_id, string_agg(r.name, ', ' order by r.name) as location
          from ${eventRooms} er join ${rooms} r on r.id = er.room_id
          where true ${only(sql`er.event_id`)}
          group by er.event_id
        ) event_locations on event_locations.event_id = ${events.id}
        where ${selected}
        order by ${events.startsAt}, ${events.id}`
      : sql`select ${columns}, coalesce(string_agg(r.name, ', ' order by r.name), '') as location
        from ${events}
        left join ${eventRooms} er on er.event_id = ${events.id}
        left join ${rooms} r on r.id = er.room_id
        where ${selected}
        group by ${events.id}
        order by ${events.startsAt}, ${events.id}`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    startsAt: dateOf(r.starts_ms),
    endsAt: dateOf(r.ends_ms),
    timeZone: r.time_zone,
    allDay: r.all_day,
    recurrenceFreq: r.recurrence_freq,
    recurrenceInterval: r.recurrence_interval,
    recurrenceUntil: r.recurrence_until_ms === null ? null : dateOf(r.recurrence_until_ms),
    recurrenceCount: r.recurrence_count,
    recurrenceWeekdays: r.recurrence_weekdays ? r.recurrence_weekdays.split(",").map(Number) : [],
    exceptionDates: r.exception_dates ? r.exception_dates.split(",") : [],
    cancelledAt: r.cancelled_ms === null ? null : dateOf(r.cancelled_ms),
    createdAt: dateOf(r.created_ms),
    updatedAt: dateOf(r.updated_ms),
    location: r.location,
  }));
}
