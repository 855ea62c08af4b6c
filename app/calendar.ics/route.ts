import { publicFeed } from "@/lib/domain/calendar/feed-queries";
import { serveFeed } from "@/lib/web/calendar-feed";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** All public events; members-only events never appear here. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, (ctx) => publicFeed(getDb(), ctx));
}
