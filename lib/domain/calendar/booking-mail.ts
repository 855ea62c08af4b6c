import type { Db } from "@/lib/db/client";
import { formatRange } from "@/lib/time";
import type { Mailer } from "../mail/mailer";
import { notifyPerson, type NotifyOutcome } from "../mail/notify";
import { publicLink } from "../settings/public-link";
import type { BookedSlot } from "./machine-bookings";

/**
 * A booking cancelled by someone other than its holder (staff with calendar.write): the holder is told which one
 * (topic "bookings"). Their own cancellations need no mail: the page said it.
 */
export async function mailBookingCancelledByOther(
  db: Db,
  mailer: Mailer,
  actorId: number,
  slot: BookedSlot & { personId: number },
  timeZone: string,
): Promise<NotifyOutcome> {
  if (slot.personId === actorId) return "off";
  const link = await publicLink(db, "/bookings");
  return notifyPerson(db, mailer, slot.personId, "bookings", { subject: "mail.bookingCancelled.subject", body: "mail.bookingCancelled.body" }, (r) => ({
    machine: slot.machineName,
    when: formatRange(slot.startsAt, slot.endsAt, r.locale, timeZone),
    link,
  }));
}
