import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export interface Conflict {
  kind: "event" | "booking";
  id: number;
  title: string;
  startsAt: Date;
  /** Set for machine conflicts: when the taking booking or event ends, and who booked (a booking's holder). */
  endsAt?: Date;
  personId?: number | null;
}

/**
 * Locks the rooms, resources, the machines behind those resources and the inventory things, each table in id order
 * and the tables always in the same order, so two saves cannot deadlock. Whoever holds the locks sees every earlier save committed (READ COMMITTED takes a new snapshot per
 * statement), so check-then-insert under these locks cannot double-book.
 */
export async function lockBookables(
  db: Db,
  roomIds: number[],
  resourceIds: number[],
  thingIds: number[] = [],
): Promise<{ rooms: number; resources: number; things: number }> {
  const rooms = roomIds.length
    ? await db.execute(sql`select id from rooms where id in ${sql.raw(`(${roomIds.map(Number).join(",")})`)} order by id for update`)
    : [];
  const resources = resourceIds.length
    ? await db.execute(sql`select id from resources where id in ${sql.raw(`(${resourceIds.map(Number).join(",")})`)} order by id for update`)
    : [];
  if (resourceIds.length) {
    await db.execute(
      sql`select id from machines where id in (select machine_id from resources where id in ${sql.raw(`(${resourceIds.map(Number).join(",")})`)}) order by id for update`,
    );
  }
  // FOR NO KEY UPDATE: two event saves exclude each other, inventory's own reads and FK checks are not blocked.
  const thingRows = thingIds.length
    ? await db.execute(sql`select id from things where id in ${sql.raw(`(${thingIds.map(Number).join(",")})`)} order by id for no key update`)
    : [];
  return { rooms: rooms.length, resources: resources.length, things: thingRows.length };
}

/** The first other event (or machine booking) that overlaps one of this event's occurrences on a shared room, resource or thing. */
export async function findEventConflict(db: Db, eventId: number): Promise<Conflict | null> {
  const rows = await db.execute<{ kind: "event" | "booking"; id: number; title: string; starts_at: string | Date }>(sql`
    select 'event' as kind, e.id, e.title, o2.starts_at
    from event_occurrences o1
    join event_occurrences o2 on o2.event_id <> o1.event_id and o2.starts_at < o1.ends_at and o2.ends_at > o1.starts_at
    join events e on e.id = o2.event_id and e.cancelled_at is null
    where o1.event_id = ${eventId}
      and (exists (select 1 from event_rooms a join event_rooms b on b.room_id = a.room_id
                   where a.event_id = o1.event_id and b.event_id = o2.event_id)
        or exists (select 1 from event_resources a join event_resources b on b.resource_id = a.resource_id
                   where a.event_id = o1.event_id and b.event_id = o2.event_id)
        or exists (select 1 from event_things a join event_things b on b.thing_id = a.thing_id
                   where a.event_id = o1.event_id and b.event_id = o2.event_id))
    union all
    select 'booking' as kind, mb.id, m.name as title, mb.starts_at
    from event_occurrences o1
    join event_resources er on er.event_id = o1.event_id
    join resources r on r.id = er.resource_id
    join machine_bookings mb on mb.machine_id = r.machine_id and mb.cancelled_at is null
      and mb.starts_at < o1.ends_at and mb.ends_at > o1.starts_at
    join machines m on m.id = mb.machine_id
    where o1.event_id = ${eventId}
    order by starts_at
    limit 1`);
  const row = rows[0];
  return row ? { kind: row.kind, id: Number(row.id), title: row.title, startsAt: new Date(row.starts_at) } : null;
}

/** The first booking of the machine, or event reserving it as a resource, overlapping [startsAt, endsAt). */
export async function findMachineConflict(db: Db, machineId: number, startsAt: Date, endsAt: Date, exceptBookingId = 0): Promise<Conflict | null> {
  const s = startsAt.toISOString();
  const e = endsAt.toISOString();
  const rows = await db.execute<{
    kind: "event" | "booking";
    id: number;
    title: string;
    starts_at: string | Date;
    ends_at: string | Date;
    person_id: number | null;
  }>(sql`
    select 'booking' as kind, mb.id, m.name as title, mb.starts_at, mb.ends_at, mb.person_id from machine_bookings mb join machines m on m.id = mb.machine_id
    where mb.machine_id = ${machineId} and mb.id <> ${exceptBookingId} and mb.cancelled_at is null
      and mb.starts_at < ${e}::timestamptz and mb.ends_at > ${s}::timestamptz
    union all
    select 'event' as kind, ev.id, ev.title, o.starts_at, o.ends_at, null as person_id from event_occurrences o
    join events ev on ev.id = o.event_id and ev.cancelled_at is null
    join event_resources er on er.event_id = ev.id
    join resources r on r.id = er.resource_id and r.machine_id = ${machineId}
    where o.starts_at < ${e}::timestamptz and o.ends_at > ${s}::timestamptz
    order by starts_at limit 1`);
  const row = rows[0];
  return row
    ? {
        kind: row.kind,
        id: Number(row.id),
        title: row.title,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
        personId: row.person_id === null ? null : Number(row.person_id),
      }
    : null;
}
