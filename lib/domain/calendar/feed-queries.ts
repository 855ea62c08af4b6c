import { and, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import { executePrepared } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/client";
import {
  equipmentTypes,
  eventOccurrences,
  eventRegistrations,
  eventRooms,
  events,
  machineBookings,
  machines,
  rooms,
  trainingSessions,
  trainingSignups,
} from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { isLocale, translator, type Translate } from "@/lib/i18n/translate";
import type { FeedChange, FeedSource } from "./feed-cache";
import { personForFeedToken } from "./feed-tokens";
import { buildFeed, type Feed, type FeedEvent, type FeedTraining } from "./ical-feed";
import { lastSessionEdits, latest } from "./training-edit-times";

export interface FeedContext {
  host: string;
  baseUrl?: string;
  now?: Date;
}

/** Feeds carry what is current or recent; older items only cost every subscriber bandwidth. */
export const PAST_DAYS = 180;

/** An event with an occurrence ending after the cutoff (feeds carry the recent and upcoming ones). */
function recent(now: Date): SQL {
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

/** The public feed's events (never members-only ones), cancelled ones included so clients drop them. */
function publicEvents(db: Db, now: Date, ids?: number[]): Promise<FeedEvent[]> {
  return feedEvents(db, and(eq(events.visibility, "public"), recent(now)), ids);
}

/** All public events (never members-only ones), cancelled ones included so clients drop them. */
export async function publicFeed(db: Db, ctx: FeedContext): Promise<Feed> {
  const list = await publicEvents(db, ctx.now ?? new Date());
  return buildFeed({ name: (await getSpaceSettings(db)).name, host: ctx.host, baseUrl: ctx.baseUrl, events: list });
}

/** The public feed as feed-cache.ts makes it: whole, or from the feed kept when only events changed. */
export function publicFeedSource(ctx: FeedContext): FeedSource {
  return {
    build: (db, now) => publicFeed(db, { ...ctx, now: ctx.now ?? now }),
    update: (db, kept, changes, now) => withChangedEvents(kept, changes, NOT_IN_EVENT_FEEDS, (ids) => publicEvents(db, ctx.now ?? now, ids)),
  };
}

/** The room's recent and upcoming events with their location, cancelled ones included; only the public ones for a public feed. */
export function eventsInRoom(db: Db, roomId: number, now: Date, only?: "public", ids?: number[]): Promise<FeedEvent[]> {
  const inRoom = sql`exists (select 1 from ${eventRooms} where ${eventRooms.eventId} = ${events.id} and ${eventRooms.roomId} = ${roomId})`;
  return feedEvents(db, and(inRoom, recent(now), only === "public" ? eq(events.visibility, "public") : undefined), ids, "per event");
}

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

/** A room's public schedule (no trainings: they have no public flag); null when there is no such room. See member-room-feed.ts. */
export function roomFeedSource(roomId: number, ctx: FeedContext): FeedSource {
  return {
    build: (db, now) => roomFeed(db, roomId, { ...ctx, now: ctx.now ?? now }),
    update: (db, kept, changes, now) => withChangedEvents(kept, changes, NOT_IN_EVENT_FEEDS, (ids) => eventsInRoom(db, roomId, ctx.now ?? now, "public", ids)),
  };
}

export async function roomFeed(db: Db, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) return null;
  return buildFeed({
    name: `${(await getSpaceSettings(db)).name}: ${room.name}`,
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: await eventsInRoom(db, roomId, ctx.now ?? new Date(), "public"),
    extraModified: [room.updatedAt],
  });
}

/** The private feed behind a secret token: what the person signed up for. null for a bad or revoked token. */
export async function personalFeed(db: Db, token: string, ctx: FeedContext): Promise<Feed | null> {
  const personId = await personForFeedToken(db, token);
  return personId === null ? null : personalFeedOf(db, personId, ctx);
}

/** The person's private feed, whoever asks: check the token first (personForFeedToken). */
export async function personalFeedOf(db: Db, personId: number, ctx: FeedContext): Promise<Feed> {
  const regs = await db
    .select({
      status: eventRegistrations.status,
      createdAt: eventRegistrations.createdAt,
      cancelledAt: eventRegistrations.cancelledAt,
      promotedAt: eventRegistrations.promotedAt,
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.personId, personId));
  const changes = regs.flatMap((r) => [r.createdAt, r.cancelledAt, r.promotedAt]).filter((d): d is Date => d instanceof Date);
  const active = await feedEvents(
    db,
    sql`${events.id} in (select ${eventRegistrations.eventId} from ${eventRegistrations} where ${eventRegistrations.personId} = ${personId} and ${eventRegistrations.status} in ('signed_up', 'waitlisted'))`,
    undefined,
    "per event",
  );
  const t = await feedTranslator(db);
  const trainings = await personTrainings(db, personId, ctx.now ?? new Date(), t);
  const bookings = await personBookings(db, personId, ctx.now ?? new Date());
  return buildFeed({
    name: t("feed.personalName", { space: (await getSpaceSettings(db)).name }),
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: active,
    trainings,
    bookings,
    extraModified: changes,
  });
}

/**
 * The feeds' texts ("<space>: my calendar", "Training: Laser (user)", "(members)") in the space's language as the
 * admin saved it (one text for every subscriber: a feed has no reader's language). A save of the settings changes
 * the feeds' marker (space_settings is a feed table), so the next request builds the feed again with the new texts
 * (personal-feed-name.int.test.ts).
 */
export async function feedTranslator(db: Db): Promise<Translate> {
  const { defaultLanguage } = await getSpaceSettings(db);
  return translator(isLocale(defaultLanguage) ? defaultLanguage : "en");
}

/** "Training: <type> (<level>)", the title of a training session in a feed. */
export function trainingTitle(t: Translate, type: string, level: "user" | "owner" | "trainer"): string {
  return t("feed.trainingTitle", { type, level: t(`level.${level}`) });
}

/** The person's machine bookings, recent and upcoming; cancelled ones stay in (marked) so calendar apps drop them. */
export async function personBookings(db: Db, personId: number, now: Date): Promise<FeedTraining[]> {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ b: machineBookings, machine: machines.name, location: machines.location })
    .from(machineBookings)
    .innerJoin(machines, eq(machines.id, machineBookings.machineId))
    .where(and(eq(machineBookings.personId, personId), gt(machineBookings.endsAt, cutoff)));
  return rows.map(({ b, machine, location }) => ({
    id: b.id,
    title: b.note ? `${machine}: ${b.note}` : machine,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    location,
    cancelled: b.cancelledAt !== null,
    changedAt: b.cancelledAt ?? b.createdAt,
  }));
}

/** Training sessions the person signed up for (not cancelled sign-ups), recent and upcoming. */
export async function personTrainings(db: Db, personId: number, now: Date, t: Translate): Promise<FeedTraining[]> {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ s: trainingSessions, type: equipmentTypes.name, signup: trainingSignups })
    .from(trainingSignups)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(and(eq(trainingSignups.personId, personId), ne(trainingSignups.status, "cancelled"), gt(trainingSessions.endsAt, cutoff)));
  const edits = await lastSessionEdits(
    db,
    rows.map((r) => r.s.id),
  );
  return rows.map(({ s, type, signup }) => ({
    id: s.id,
    title: trainingTitle(t, type, s.level),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.room,
    cancelled: s.cancelledAt !== null,
    changedAt: latest([s.createdAt, s.cancelledAt, signup.createdAt, signup.promotedAt, edits.get(s.id)]),
  }));
}
