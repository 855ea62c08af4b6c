import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  equipmentTypes,
  eventRegistrations,
  eventRooms,
  events,
  machineBookings,
  machines,
  rooms,
  trainingSessions,
  trainingSignups,
  type Event,
} from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { personForFeedToken } from "./feed-tokens";
import { buildFeed, type Feed, type FeedTraining } from "./ical-feed";
import { lastSessionEdits, latest } from "./training-edit-times";

export interface FeedContext {
  host: string;
  baseUrl?: string;
  now?: Date;
}

/** Feeds carry what is current or recent; older items only cost every subscriber bandwidth. */
export const PAST_DAYS = 180;

export function recentEventIds(db: Db, now: Date) {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  return db
    .selectDistinct({ id: sql<number>`event_id` })
    .from(sql`event_occurrences`)
    .where(sql`ends_at > ${cutoff.toISOString()}::timestamptz`);
}

export async function withLocations(db: Db, list: Event[]): Promise<(Event & { location: string })[]> {
  if (!list.length) return [];
  const links = await db
    .select({ eventId: eventRooms.eventId, name: rooms.name })
    .from(eventRooms)
    .innerJoin(rooms, eq(rooms.id, eventRooms.roomId))
    .where(
      inArray(
        eventRooms.eventId,
        list.map((e) => e.id),
      ),
    );
  // Grouped once: filtering all links for each event was quadratic (a million comparisons at 1,000 events).
  const names = new Map<number, string[]>();
  for (const l of links) names.set(l.eventId, [...(names.get(l.eventId) ?? []), l.name]);
  return list.map((e) => ({ ...e, location: (names.get(e.id) ?? []).join(", ") }));
}

/** All public events (never members-only ones), cancelled ones included so clients drop them. */
export async function publicFeed(db: Db, ctx: FeedContext): Promise<Feed> {
  const now = ctx.now ?? new Date();
  const list = await db
    .select()
    .from(events)
    .where(and(eq(events.visibility, "public"), inArray(events.id, recentEventIds(db, now))))
    .orderBy(events.startsAt);
  return buildFeed({ name: (await getSpaceSettings(db)).name, host: ctx.host, baseUrl: ctx.baseUrl, events: await withLocations(db, list) });
}

/** The room's recent and upcoming events, cancelled ones included; only the public ones for a public feed. */
export async function eventsInRoom(db: Db, roomId: number, now: Date, only?: "public"): Promise<Event[]> {
  const recent = inArray(events.id, recentEventIds(db, now));
  const list = await db
    .select({ e: events })
    .from(events)
    .innerJoin(eventRooms, and(eq(eventRooms.eventId, events.id), eq(eventRooms.roomId, roomId)))
    .where(only === "public" ? and(eq(events.visibility, "public"), recent) : recent)
    .orderBy(events.startsAt);
  return list.map((r) => r.e);
}

/** A room's public schedule (no trainings: they have no public flag); null when there is no such room. See member-room-feed.ts. */
export async function roomFeed(db: Db, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) return null;
  return buildFeed({
    name: `${(await getSpaceSettings(db)).name}: ${room.name}`,
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: await withLocations(db, await eventsInRoom(db, roomId, ctx.now ?? new Date(), "public")),
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
    .select({ e: events, r: eventRegistrations })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.personId, personId));
  const active = regs.filter(({ r }) => r.status === "signed_up" || r.status === "waitlisted").map(({ e }) => e);
  const changes = regs.flatMap(({ r }) => [r.createdAt, r.cancelledAt, r.promotedAt]).filter((d): d is Date => d instanceof Date);
  const trainings = await personTrainings(db, personId, ctx.now ?? new Date());
  const bookings = await personBookings(db, personId, ctx.now ?? new Date());
  return buildFeed({
    name: `${(await getSpaceSettings(db)).name}: my calendar`,
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: await withLocations(db, active),
    trainings,
    bookings,
    extraModified: changes,
  });
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
export async function personTrainings(db: Db, personId: number, now: Date): Promise<FeedTraining[]> {
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
    title: `Training: ${type} (${s.level})`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.room,
    cancelled: s.cancelledAt !== null,
    changedAt: latest([s.createdAt, s.cancelledAt, signup.createdAt, signup.promotedAt, edits.get(s.id)]),
  }));
}
