import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import type { FeedSource } from "./feed-cache";
import { NOT_IN_EVENT_FEEDS, withChangedEvents } from "./feed-changed-events";
import { feedEvents, recent, type FeedContext } from "./feed-events";
import { buildFeed, type Feed, type FeedEvent } from "./ical-feed";

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
