import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRegistrations, eventResources, eventRooms, events, eventThings, people, resources, rooms, things } from "@/lib/db/schema";
import { nameShownTo } from "../people/shown-names";
import type { Viewer } from "../people/visibility";

/** Everything the event page shows; null when there is no such event. The contact's name only as they let this viewer see it. */
export async function getEventDetails(db: Db, eventId: number, viewer: Viewer | null) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return null;
  const [roomRows, resourceRows, responsible, counts, thingRows] = await Promise.all([
    db
      .select({ id: rooms.id, name: rooms.name })
      .from(eventRooms)
      .innerJoin(rooms, eq(rooms.id, eventRooms.roomId))
      .where(eq(eventRooms.eventId, eventId))
      .orderBy(rooms.name),
    db
      .select({ id: resources.id, name: resources.name })
      .from(eventResources)
      .innerJoin(resources, eq(resources.id, eventResources.resourceId))
      .where(eq(eventResources.eventId, eventId))
      .orderBy(resources.name),
    event.responsiblePersonId
      ? db.select({ memberNumber: people.memberNumber }).from(people).where(eq(people.id, event.responsiblePersonId))
      : Promise.resolve([]),
    db
      .select({ status: eventRegistrations.status, n: count() })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId)))
      .groupBy(eventRegistrations.status),
    db
      .select({ number: things.number, name: things.name })
      .from(eventThings)
      .innerJoin(things, eq(things.id, eventThings.thingId))
      .where(eq(eventThings.eventId, eventId))
      .orderBy(things.number),
  ]);
  const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const r = responsible[0];
  const name = r ? await nameShownTo(db, viewer, event.responsiblePersonId) : null;
  return {
    event,
    rooms: roomRows,
    resources: resourceRows,
    things: thingRows,
    responsible: r ? { name, memberNumber: r.memberNumber } : null,
    signedUp: n("signed_up"),
    waitlisted: n("waitlisted"),
  };
}

export type EventDetails = NonNullable<Awaited<ReturnType<typeof getEventDetails>>>;

/** Member number → person id, for the "responsible person" field of the form. */
export async function personIdByMemberNumber(db: Db, memberNumber: number): Promise<number | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.memberNumber, memberNumber));
  return row?.id ?? null;
}
