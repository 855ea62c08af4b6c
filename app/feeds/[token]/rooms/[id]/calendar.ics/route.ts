import { memberRoomFeed } from "@/lib/domain/calendar/member-room-feed";
import { serveFeed } from "@/lib/web/calendar-feed";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** A room's full schedule for members (members-only events and trainings too), behind the person's secret token. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; id: string }> }): Promise<Response> {
  const { token, id: raw } = await params;
  const id = Number(raw);
  return serveFeed(request, async (ctx) => (Number.isSafeInteger(id) && id > 0 ? memberRoomFeed(getDb(), token, id, ctx) : null));
}
