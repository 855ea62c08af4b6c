import { personalFeed } from "@/lib/domain/calendar/feed-queries";
import { serveFeed } from "@/lib/web/calendar-feed";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** A person's private feed; the secret token in the URL is the only credential (calendar apps send no cookies). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return serveFeed(request, (ctx) => personalFeed(getDb(), token, ctx));
}
