import { roomCalendarRoute } from "@/lib/web/calendar-routes";

export const dynamic = "force-dynamic";

/** jCal (RFC 7265), the JSON twin of the .ics feed: same events and same access rule as its twins (see lib/web/calendar-routes.ts). */
export const GET = roomCalendarRoute("json");
