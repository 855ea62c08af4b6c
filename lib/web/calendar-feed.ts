import { publicBase } from "@/lib/domain/settings/public-link";
import type { FeedContext } from "@/lib/domain/calendar/feed-events";
import type { FeedFormat } from "@/lib/domain/calendar/feed-formats";
import { feedResponse } from "@/lib/domain/calendar/feed-response";
import type { Feed } from "@/lib/domain/calendar/ical-feed";
import { env } from "@/lib/env";
import { getLogger } from "./logger";
import { getDb } from "./db";

/** UIDs must never change, so their host comes from configuration, not from whatever Host a client sent. */
export async function feedContext(): Promise<FeedContext> {
  const configured = env().AUTH_URL;
  return { host: configured ? new URL(configured).host : "calendar.makerspace", baseUrl: await publicBase(getDb()) };
}

/** Feeds are polled by calendar apps: a bad token or id is a plain 404, a failure a 503, never an HTML page. */
export async function serveFeed(request: Request, load: (ctx: FeedContext) => Promise<Feed | null>, format: FeedFormat = "ics"): Promise<Response> {
  try {
    const feed = await load(await feedContext());
    if (!feed) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    return feedResponse(request, feed, format);
  } catch (error) {
    getLogger().error({ err: error }, "calendar feed failed");
    return new Response("Calendar temporarily unavailable\n", { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60" } });
  }
}
