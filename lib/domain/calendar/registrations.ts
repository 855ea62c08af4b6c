import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventRegistrations, events } from "@/lib/db/schema";
import { personSeesMembersOnly } from "../access/members-only";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { mailRegistrants } from "./event-mail";
import { fail, type CalendarResult } from "./result";

type Status = "signed_up" | "waitlisted";

/** Locks the event row so that counting places and inserting happen one registration at a time. */
export async function lockEventForRegistration(db: Db, eventId: number) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).for("update");
  return event ?? null;
}

export async function placeFor(db: Db, event: { id: number; capacity: number | null }): Promise<Status> {
  if (event.capacity === null) return "signed_up";
  const [row] = await db
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "signed_up")));
  return (row?.n ?? 0) < event.capacity ? "signed_up" : "waitlisted";
}

/** A member signs up: a place while there is one, else the waitlist. Registering twice is refused; members-only events only for members. */
export async function registerMember(
  db: Db,
  input: { eventId: number; personId: number },
): Promise<CalendarResult<{ registrationId: number; status: Status }>> {
  return db.transaction(async (tx) => {
    const event = await lockEventForRegistration(tx, input.eventId);
    // A members-only event does not exist for someone who does not count as a member (as on its page).
    if (!event || (event.visibility !== "public" && !(await personSeesMembersOnly(tx, input.personId)))) return fail("not_found", "no such event");
    if (event.cancelledAt) return fail("cancelled", "the event is cancelled");
    const [existing] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.personId, input.personId), ne(eventRegistrations.status, "cancelled")));
    if (existing) return fail("already_registered", "already registered for this event");
    const status = await placeFor(tx, event);
    const [reg] = await tx.insert(eventRegistrations).values({ eventId: event.id, personId: input.personId, status }).returning();
    await recordAudit(tx, {
      actorId: input.personId,
      subjectPersonId: input.personId,
      changeType: "event.register",
      entity: "event_registration",
      entityId: reg!.id,
      after: { eventId: event.id, status },
    });
    return { ok: true as const, registrationId: reg!.id, status };
  });
}

/**
 * Cancels a registration (its own member, or someone with calendar.write via `asManager`); a freed place goes to
 * the longest-waiting person on the waitlist, who is mailed (with a mailer given) once the change is committed.
 */
export async function cancelRegistration(
  db: Db,
  input: { registrationId: number; actorId: number | null; asManager?: boolean },
  mailer?: Mailer,
): Promise<CalendarResult<{ promotedRegistrationId: number | null }>> {
  const result = await cancelInTransaction(db, input);
  if (!result.ok || !result.promoted) return result.ok ? { ok: true, promotedRegistrationId: result.promotedRegistrationId } : result;
  if (mailer) await mailRegistrants(db, mailer, [result.promoted], result.event, { subject: "mail.eventPromoted.subject", body: "mail.eventPromoted.body" });
  return { ok: true, promotedRegistrationId: result.promotedRegistrationId };
}

async function cancelInTransaction(db: Db, input: { registrationId: number; actorId: number | null; asManager?: boolean }) {
  return db.transaction(async (tx) => {
    const [reg0] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, input.registrationId));
    if (!reg0) return fail("not_found", "no such registration");
    const event = await lockEventForRegistration(tx, reg0.eventId);
    const [reg] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, input.registrationId));
    if (!event || !reg) return fail("not_found", "no such registration");
    if (!input.asManager && reg.personId !== input.actorId) return fail("forbidden", "not your registration");
    if (reg.status === "cancelled") return { ok: true as const, promotedRegistrationId: null, promoted: null, event };
    const now = new Date();
    await tx.update(eventRegistrations).set({ status: "cancelled", cancelledAt: now }).where(eq(eventRegistrations.id, reg.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      subjectPersonId: reg.personId,
      changeType: "event.unregister",
      entity: "event_registration",
      entityId: reg.id,
      before: { status: reg.status },
      after: { status: "cancelled" },
    });
    const promoted = reg.status === "signed_up" ? ((await promoteFromWaitlist(tx, event, input.actorId, now))[0] ?? null) : null;
    return { ok: true as const, promotedRegistrationId: promoted?.id ?? null, promoted, event };
  });
}

/**
 * Fills free places from the waitlist, longest waiting first (after a cancellation, or when an event's capacity
 * was raised or removed). Call with the event row locked. Returns the promoted registrations, for the mails.
 */
export async function promoteFromWaitlist(
  tx: Db,
  event: { id: number; capacity: number | null },
  actorId: number | null,
  now = new Date(),
): Promise<(typeof eventRegistrations.$inferSelect)[]> {
  const promoted: (typeof eventRegistrations.$inferSelect)[] = [];
  while ((await placeFor(tx, event)) === "signed_up") {
    const [next] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "waitlisted")))
      .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
      .limit(1);
    if (!next) break;
    await tx.update(eventRegistrations).set({ status: "signed_up", promotedAt: now }).where(eq(eventRegistrations.id, next.id));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: next.personId,
      changeType: "event.waitlist_promote",
      entity: "event_registration",
      entityId: next.id,
      before: { status: "waitlisted" },
      after: { status: "signed_up" },
    });
    promoted.push(next);
  }
  return promoted;
}

export async function activeRegistrationOf(db: Db, eventId: number, personId: number) {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.personId, personId), inArray(eventRegistrations.status, ["signed_up", "waitlisted"])),
    );
  return row ?? null;
}
