import { roomFeed } from "@/lib/domain/calendar/feed-queries";
import { serveFeed } from "@/lib/web/calendar-feed";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** A room's public events. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = Number((await params).id);
  return serveFeed(request, async (ctx) => (Number.isSafeInteger(id) && id > 0 ? roomFeed(getDb(), id, ctx) : null));
}
