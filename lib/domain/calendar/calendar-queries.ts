import { and, asc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, eventOccurrences, eventRooms, events, machineBookings, machines, resources, rooms, trainingSessions } from "@/lib/db/schema";
import { namesShownTo } from "../people/shown-names";
import type { Viewer } from "../people/visibility";

export type CalendarItem =
  | {
      kind: "event";
      id: number;
      slug: string;
      title: string;
      startsAt: Date;
      endsAt: Date;
      allDay: boolean;
      cancelled: boolean;
      isPublic: boolean;
      rooms: string[];
    }
  | { kind: "training"; id: number; title: string; startsAt: Date; endsAt: Date; cancelled: boolean; location: string }
  | { kind: "booking"; id: number; title: string; startsAt: Date; endsAt: Date; machineId: number; personName: string | null };

export type EventItem = Extract<CalendarItem, { kind: "event" }>;

export interface RangeQuery {
  from: Date;
  to: Date;
  /** false for visitors: members-only events, trainings and bookings stay hidden. */
  includeMembersOnly: boolean;
  roomId?: number;
  machineId?: number;
  /** Who is looking: bookings show whose they are only where that person lets this viewer see their name. */
  viewer?: Viewer | null;
}

/** Event occurrences overlapping [from, to), one query (the month view's hot path). */
export async function eventItems(db: Db, q: RangeQuery): Promise<CalendarItem[]> {
  const roomFilter = q.roomId ? inArray(events.id, db.select({ id: eventRooms.eventId }).from(eventRooms).where(eq(eventRooms.roomId, q.roomId))) : undefined;
  return eventRows(db, q, roomFilter);
}

/** The occurrences of eventItems with more conditions and, for a list that shows a few, a limit. */
async function eventRows(db: Db, q: RangeQuery, more: SQL | undefined, limit?: number): Promise<EventItem[]> {
  const query = db
    .select({
      o: eventOccurrences,
      e: { id: events.id, slug: events.slug, title: events.title, allDay: events.allDay, cancelledAt: events.cancelledAt, visibility: events.visibility },
      roomNames: sql<
        string[]
      >`coalesce((select array_agg(r.name order by r.name) from event_rooms er join rooms r on r.id = er.room_id where er.event_id = ${events.id}), '{}')`,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(lt(eventOccurrences.startsAt, q.to), gt(eventOccurrences.endsAt, q.from), q.includeMembersOnly ? undefined : eq(events.visibility, "public"), more),
    )
    .orderBy(asc(eventOccurrences.startsAt));
  // The start page's list (with a limit) asks on every request: named, one round trip instead of two.
  const rows = limit === undefined ? await query : await query.limit(limit).prepare("upcoming_events").execute();
  return rows.map(({ o, e, roomNames }) => ({
    kind: "event" as const,
    id: e.id,
    slug: e.slug,
    title: e.title,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    allDay: e.allDay,
    cancelled: e.cancelledAt !== null,
    isPublic: e.visibility === "public",
    rooms: roomNames,
  }));
}

/** Training sessions; their room is still free text, matched by the room's name when filtering. */
export async function trainingItems(db: Db, q: RangeQuery): Promise<CalendarItem[]> {
  if (!q.includeMembersOnly || q.machineId) return [];
  let roomName: string | undefined;
  if (q.roomId) {
    roomName = (await db.select().from(rooms).where(eq(rooms.id, q.roomId)))[0]?.name;
    if (roomName === undefined) return []; // no such room: nothing is held in it
  }
  const rows = await db
    .select({ s: trainingSessions, type: equipmentTypes.name })
    .from(trainingSessions)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(
      and(
        lt(trainingSessions.startsAt, q.to),
        gt(trainingSessions.endsAt, q.from),
        roomName ? sql`lower(${trainingSessions.room}) = lower(${roomName})` : undefined,
      ),
    )
    .orderBy(asc(trainingSessions.startsAt));
  return rows.map(({ s, type }) => ({
    kind: "training" as const,
    id: s.id,
    title: `${type} (${s.level})`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    cancelled: s.cancelledAt !== null,
    location: s.room,
  }));
}

export async function bookingItems(db: Db, q: RangeQuery): Promise<CalendarItem[]> {
  if (!q.includeMembersOnly || q.roomId) return [];
  const rows = await db
    .select({ b: machineBookings, machine: machines.name })
    .from(machineBookings)
    .innerJoin(machines, eq(machines.id, machineBookings.machineId))
    .where(
      and(
        lt(machineBookings.startsAt, q.to),
        gt(machineBookings.endsAt, q.from),
        isNull(machineBookings.cancelledAt),
        q.machineId ? eq(machineBookings.machineId, q.machineId) : undefined,
      ),
    )
    .orderBy(asc(machineBookings.startsAt));
  const names = await namesShownTo(
    db,
    q.viewer ?? null,
    rows.map((r) => r.b.personId),
  );
  return rows.map(({ b, machine }) => ({
    kind: "booking" as const,
    id: b.id,
    title: machine,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    machineId: b.machineId,
    personName: names.get(b.personId) ?? null,
  }));
}

/** Everything the calendar views show in a range, sorted by start. */
export async function calendarItems(db: Db, q: RangeQuery): Promise<CalendarItem[]> {
  const parts = await Promise.all([q.machineId ? [] : eventItems(db, q), trainingItems(db, q), bookingItems(db, q)]);
  return parts.flat().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The start page's list: the next not-cancelled event occurrences. */
export async function upcomingEvents(db: Db, opts: { now?: Date; limit?: number; includeMembersOnly: boolean }): Promise<EventItem[]> {
  const now = opts.now ?? new Date();
  // The limit and the cancelled ones left out in SQL: the start page shows 5 of a year's hundreds of occurrences.
  const range = { from: now, to: new Date(now.getTime() + 366 * 86_400_000), includeMembersOnly: opts.includeMembersOnly };
  return eventRows(db, range, isNull(events.cancelledAt), opts.limit ?? 10);
}

export async function listRooms(db: Db) {
  return db.select().from(rooms).orderBy(asc(rooms.name));
}

export async function getRoom(db: Db, id: number) {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, id));
  return room ?? null;
}

export async function listResources(db: Db) {
  return db.select().from(resources).orderBy(asc(resources.name));
}
