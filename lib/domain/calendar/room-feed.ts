import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRooms, events, rooms } from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import type { FeedSource } from "./feed-cache";
import { NOT_IN_EVENT_FEEDS, withChangedEvents } from "./feed-changed-events";
import { feedEvents, recent, type FeedContext } from "./feed-events";
import { buildFeed, type Feed, type FeedEvent } from "./ical-feed";

/** The room's recent and upcoming events with their location, cancelled ones included; only the public ones for a public feed. */
export function eventsInRoom(db: Db, roomId: number, now: Date, only?: "public", ids?: number[]): Promise<FeedEvent[]> {
  const inRoom = sql`exists (select 1 from ${eventRooms} where ${eventRooms.eventId} = ${events.id} and ${eventRooms.roomId} = ${roomId})`;
  return feedEvents(db, and(inRoom, recent(now), only === "public" ? eq(events.visibility, "public") : undefined), ids, "per event");
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
