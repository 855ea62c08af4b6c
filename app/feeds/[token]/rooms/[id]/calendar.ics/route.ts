import { memberRoomCalendarRoute } from "@/lib/web/calendar-routes";

export const dynamic = "force-dynamic";

/** iCalendar (RFC 5545): same events and same access rule as its twins (see lib/web/calendar-routes.ts). */
export const GET = memberRoomCalendarRoute("ics");
