import type { Db } from "@/lib/db/client";
import { cachedFeed } from "./feed-cache";
import { personForFeedToken } from "./feed-tokens";
import { personalFeedOf } from "./personal-feed";
import { publicFeedSource } from "./public-feed";
import { roomFeedSource } from "./room-feed";
import { type FeedContext } from "./feed-events";
import type { Feed } from "./ical-feed";
import { mayReadMemberFeeds, memberRoomFeedSource } from "./member-room-feed";

/**
 * The feeds as the routes serve them: built once per change (feed-cache.ts), one cached feed per variant and
 * address. Who may read a token's feed is asked on every request, outside the cache (a revoked token, a disabled
 * login or a lapsed membership shut it at once); only what the feed shows is kept.
 */
const variant = (name: string, ctx: FeedContext) => `${name} ${ctx.host} ${ctx.baseUrl ?? ""}`;

export function cachedPublicFeed(db: Db, ctx: FeedContext): Promise<Feed | null> {
  return cachedFeed(db, variant("public", ctx), publicFeedSource(ctx));
}

export function cachedRoomFeed(db: Db, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  return cachedFeed(db, variant(`room ${roomId}`, ctx), roomFeedSource(roomId, ctx));
}

export async function cachedPersonalFeed(db: Db, token: string, ctx: FeedContext): Promise<Feed | null> {
  const personId = await personForFeedToken(db, token);
  if (personId === null) return null;
  return cachedFeed(db, variant(`person ${personId}`, ctx), (tx, now) => personalFeedOf(tx, personId, { ...ctx, now: ctx.now ?? now }));
}

export async function cachedMemberRoomFeed(db: Db, token: string, roomId: number, ctx: FeedContext): Promise<Feed | null> {
  if (!(await mayReadMemberFeeds(db, token))) return null;
  return cachedFeed(db, variant(`member-room ${roomId}`, ctx), memberRoomFeedSource(roomId, ctx));
}
