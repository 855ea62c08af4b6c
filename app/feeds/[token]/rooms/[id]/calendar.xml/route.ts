import { memberRoomCalendarRoute } from "@/lib/web/calendar-routes";

export const dynamic = "force-dynamic";

/** xCal (RFC 6321), the XML twin of the .ics feed: same events and same access rule as its twins (see lib/web/calendar-routes.ts). */
export const GET = memberRoomCalendarRoute("xml");
