import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, rooms, trainingSessions } from "@/lib/db/schema";
import { personSeesMembersOnly } from "@/lib/domain/access/members-only";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { personForFeedToken } from "./feed-tokens";
import type { FeedSource } from "./feed-cache";
import type { Translate } from "@/lib/i18n/translate";
import { eventsInRoom } from "./room-feed";
import { feedTranslator, trainingTitle } from "./feed-texts";
import { NOT_IN_EVENT_FEEDS, withChangedEvents } from "./feed-changed-events";
import { PAST_DAYS, type FeedContext } from "./feed-events";
import { buildFeed, type Feed, type FeedTraining } from "./ical-feed";
import { lastSessionEdits, latest } from "./training-edit-times";

/**
 * Training sessions held in the room. Their room is still free text (as in the calendar views), matched by the
 * room's name. Trainings have no public flag, so they only ever go into feeds behind a member's secret token.
 */
export async function roomTrainings(db: Db, roomName: string, now: Date, t: Translate): Promise<FeedTraining[]> {
  const cutoff = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ s: trainingSessions, type: equipmentTypes.name })
    .from(trainingSessions)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(and(sql`lower(${trainingSessions.room}) = lower(${roomName})`, gt(trainingSessions.endsAt, cutoff)))
    .orderBy(asc(trainingSessions.startsAt));
  const edits = await lastSessionEdits(
    db,
    rows.map((r) => r.s.id),
  );
  return rows.map(({ s, type }) => ({
    id: s.id,
    title: trainingTitle(t, type, s.level),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: s.room,
    cancelled: s.cancelledAt !== null,
    changedAt: latest([s.createdAt, s.cancelledAt, edits.get(s.id)]),
  }));
}

/**
 * A room's full schedule for members: public and members-only events plus training sessions. The secret feed
 * token is the credential (calendar apps send no cookies); null for a bad or revoked token, an owner who does not
 * count as a member (members-only.ts) or an unknown room.
 */
export async function memberRoomFeed(db: Db, token: string, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  return (await mayReadMemberFeeds(db, token)) ? memberRoomFeedOf(db, roomId, ctx) : null;
}

/** Whether the feed token is good and its owner counts as a member (members-only.ts). */
export async function mayReadMemberFeeds(db: Db, token: string): Promise<boolean> {
  const personId = await personForFeedToken(db, token);
  return personId !== null && (await personSeesMembersOnly(db, personId));
}

/** Tables the members' room feed never reads; trainings and equipment types it does (a change there builds it whole). */
const NOT_IN_MEMBER_ROOM_FEEDS: ReadonlySet<string> = new Set(
  [...NOT_IN_EVENT_FEEDS].filter((table) => table !== "training_sessions" && table !== "equipment_types"),
);

/** The members' room feed as feed-cache.ts makes it: whole, or from the feed kept when only events changed. */
export function memberRoomFeedSource(roomId: number, ctx: FeedContext): FeedSource {
  return {
    build: (db, now) => memberRoomFeedOf(db, roomId, { ...ctx, now: ctx.now ?? now }),
    update: (db, kept, changes, now) =>
      withChangedEvents(kept, changes, NOT_IN_MEMBER_ROOM_FEEDS, (ids) => eventsInRoom(db, roomId, ctx.now ?? now, undefined, ids)),
  };
}

/** A room's full schedule for members, whoever asks: check the token first (mayReadMemberFeeds). */
export async function memberRoomFeedOf(db: Db, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) return null;
  const now = ctx.now ?? new Date();
  const t = await feedTranslator(db);
  return buildFeed({
    name: t("feed.memberRoomName", { space: (await getSpaceSettings(db)).name, room: room.name }),
    host: ctx.host,
    baseUrl: ctx.baseUrl,
    events: await eventsInRoom(db, roomId, now),
    trainings: await roomTrainings(db, room.name, now, t),
    extraModified: [room.updatedAt],
  });
}
