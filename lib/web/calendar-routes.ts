import type { FeedFormat } from "@/lib/domain/calendar/feed-formats";
import { cachedMemberRoomFeed, cachedPersonalFeed, cachedPublicFeed, cachedRoomFeed } from "@/lib/domain/calendar/cached-feeds";
import { parseId } from "@/lib/domain/shared/ids";
import { serveFeed } from "./calendar-feed";
import { getDb } from "./db";

/**
 * The GET handlers of every calendar feed, one per feed and format: the .ics, .xml (xCal) and .json (jCal) routes
 * of a feed share its query and its access rule, so the twins can never show more than the .ics does. Each feed is
 * built once per change of what it shows (lib/domain/calendar/cached-feeds.ts).
 */
type Params<P> = { params: Promise<P> };

const roomId = (raw: string) => parseId(raw);

/** All public events; members-only events never appear here. */
export const publicCalendarRoute = (format: FeedFormat) => (request: Request) => serveFeed(request, (ctx) => cachedPublicFeed(getDb(), ctx), format);

/** A room's public events. */
export const roomCalendarRoute =
  (format: FeedFormat) =>
  async (request: Request, { params }: Params<{ id: string }>) => {
    const id = roomId((await params).id);
    return serveFeed(request, async (ctx) => (id ? cachedRoomFeed(getDb(), id, ctx) : null), format);
  };

/** A person's private feed; the secret token in the URL is the only credential (calendar apps send no cookies). */
export const personalCalendarRoute =
  (format: FeedFormat) =>
  async (request: Request, { params }: Params<{ token: string }>) => {
    const { token } = await params;
    return serveFeed(request, (ctx) => cachedPersonalFeed(getDb(), token, ctx), format);
  };

/** A room's full schedule for members (members-only events and trainings too), behind the person's secret token. */
export const memberRoomCalendarRoute =
  (format: FeedFormat) =>
  async (request: Request, { params }: Params<{ token: string; id: string }>) => {
    const { token, id: raw } = await params;
    const id = roomId(raw);
    return serveFeed(request, async (ctx) => (id ? cachedMemberRoomFeed(getDb(), token, id, ctx) : null), format);
  };
