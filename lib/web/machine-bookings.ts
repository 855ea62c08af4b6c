import { bookingItems } from "@/lib/domain/calendar/calendar-queries";
import type { Viewer } from "@/lib/domain/people/visibility";
import { getDb } from "./db";

/** A machine's bookings for the next four weeks (names as each booker allows this viewer): the booking and machine pages. */
export function upcomingMachineBookings(machineId: number, viewer: Viewer, now = new Date()) {
  return bookingItems(getDb(), { from: now, to: new Date(now.getTime() + 28 * 86_400_000), includeMembersOnly: true, machineId, viewer });
}
