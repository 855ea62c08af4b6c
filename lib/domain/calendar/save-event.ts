import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { eventOccurrences, eventRegistrations, eventResources, eventRooms, events, eventThings, things } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { diffValues, recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { findEventConflict, lockBookables } from "./conflicts";
import { mailRegistrants } from "./event-mail";
import { promoteFromWaitlist } from "./registrations";
import { eventInputSchema, type EventInput, type ValidEventInput } from "./event-input";
import { expandOccurrences, horizonFrom } from "@/lib/time/recurrence";
import { newSlug } from "../shared/new-slug";
import { CalendarAbort, catchAbort, fail, type CalendarResult } from "./result";

function rowValues(input: ValidEventInput) {
  return {
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    allDay: input.allDay,
    recurrenceFreq: input.recurrence?.freq ?? null,
    recurrenceInterval: input.recurrence?.interval ?? 1,
    recurrenceUntil: input.recurrence?.until ?? null,
    recurrenceCount: input.recurrence?.count ?? null,
    recurrenceWeekdays: input.recurrence?.weekdays ?? [],
    exceptionDates: [...new Set(input.exceptionDates)].sort(),
    responsiblePersonId: input.responsiblePersonId,
    visibility: input.visibility,
    capacity: input.capacity,
  };
}

/** Rewrites the event's occurrences from its row (also used after cancel/restore and by a horizon refresh). */
export async function refreshOccurrences(db: Db, event: typeof events.$inferSelect, now = new Date()): Promise<number> {
  await db.delete(eventOccurrences).where(eq(eventOccurrences.eventId, event.id));
  const occurrences = expandOccurrences(
    {
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      allDay: event.allDay,
      freq: event.recurrenceFreq,
      interval: event.recurrenceInterval,
      until: event.recurrenceUntil,
      count: event.recurrenceCount,
      weekdays: event.recurrenceWeekdays,
      exceptionDates: event.exceptionDates,
    },
    horizonFrom(now),
  );
  if (occurrences.length) await db.insert(eventOccurrences).values(occurrences.map((o) => ({ eventId: event.id, ...o })));
  return occurrences.length;
}

/**
 * Creates (eventId absent) or edits an event. Refused with the conflicting event named when any occurrence
 * would share a room, resource or inventory thing with another event's occurrence; the check runs under row locks (see lockBookables).
 * Raising (or removing) the capacity moves people up from the waitlist; with a mailer they are told after the commit.
 */
export async function saveEvent(
  db: Db,
  actorId: number,
  raw: EventInput,
  eventId?: number,
  mailer?: Mailer,
): Promise<CalendarResult<{ eventId: number; slug: string; occurrences: number; promoted: number }>> {
  const result = await saveInTransaction(db, actorId, raw, eventId);
  if (!result.ok) return result;
  if (mailer && result.promoted.length) {
    await mailRegistrants(db, mailer, result.promoted, result.event, { subject: "mail.eventPromoted.subject", body: "mail.eventPromoted.body" });
  }
  return { ok: true, eventId: result.eventId, slug: result.event.slug, occurrences: result.occurrences, promoted: result.promoted.length };
}

async function saveInTransaction(db: Db, actorId: number, raw: EventInput, eventId: number | undefined) {
  if (!(await permissionsOfPerson(db, actorId)).has("calendar.write")) return fail("forbidden", "calendar.write is required");
  const parsed = eventInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail("validation", `${issue.path.join(".")}: ${issue.message}`);
  }
  const input = parsed.data;
  return catchAbort(() =>
    db.transaction(async (tx) => {
      const roomIds = [...new Set(input.roomIds)];
      const resourceIds = [...new Set(input.resourceIds)];
      const thingNumbers = [...new Set(input.thingNumbers)].sort((a, b) => a - b);
      const thingRows = thingNumbers.length ? await tx.select({ id: things.id }).from(things).where(inArray(things.number, thingNumbers)) : [];
      if (thingRows.length !== thingNumbers.length) return fail("validation", "thingNumbers: unknown thing");
      const locked = await lockBookables(
        tx,
        roomIds,
        resourceIds,
        thingRows.map((t) => t.id),
      );
      if (locked.rooms !== roomIds.length || locked.resources !== resourceIds.length || locked.things !== thingRows.length) {
        return fail("validation", "unknown room, resource or thing");
      }
      const values = rowValues(input);
      let row: typeof events.$inferSelect;
      let promoted: (typeof eventRegistrations.$inferSelect)[] = [];
      if (eventId === undefined) {
        const slug = await newSlug(tx, events, events.slug, values.title, "event");
        [row] = (await tx
          .insert(events)
          .values({ ...values, slug, createdById: actorId })
          .returning()) as [typeof events.$inferSelect];
        await recordAudit(tx, {
          actorId,
          changeType: "event.create",
          entity: "event",
          entityId: row.id,
          after: { ...values, roomIds, resourceIds, thingNumbers },
        });
      } else {
        const [before] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
        if (!before) return fail("not_found", "no such event");
        const oldRooms = (await tx.select().from(eventRooms).where(eq(eventRooms.eventId, eventId))).map((r) => r.roomId).sort();
        const oldResources = (await tx.select().from(eventResources).where(eq(eventResources.eventId, eventId))).map((r) => r.resourceId).sort();
        const oldThings = (
          await tx.select({ n: things.number }).from(eventThings).innerJoin(things, eq(things.id, eventThings.thingId)).where(eq(eventThings.eventId, eventId))
        )
          .map((r) => r.n)
          .sort((a, b) => a - b);
        [row] = (await tx
          .update(events)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(events.id, eventId))
          .returning()) as [typeof events.$inferSelect];
        const diff = diffValues(
          { ...pick(before, values), roomIds: oldRooms, resourceIds: oldResources, thingNumbers: oldThings },
          { ...values, roomIds: [...roomIds].sort(), resourceIds: [...resourceIds].sort(), thingNumbers },
        );
        await recordAudit(tx, { actorId, changeType: "event.update", entity: "event", entityId: eventId, ...diff });
        await tx.delete(eventRooms).where(eq(eventRooms.eventId, eventId));
        await tx.delete(eventResources).where(eq(eventResources.eventId, eventId));
        await tx.delete(eventThings).where(eq(eventThings.eventId, eventId));
        const raised = before.capacity !== null && (row.capacity === null || row.capacity > before.capacity);
        if (raised && !row.cancelledAt) promoted = await promoteFromWaitlist(tx, row, actorId);
      }
      if (roomIds.length) await tx.insert(eventRooms).values(roomIds.map((roomId) => ({ eventId: row.id, roomId })));
      if (resourceIds.length) await tx.insert(eventResources).values(resourceIds.map((resourceId) => ({ eventId: row.id, resourceId })));
      if (thingRows.length) await tx.insert(eventThings).values(thingRows.map((t) => ({ eventId: row.id, thingId: t.id })));
      const occurrences = await refreshOccurrences(tx, row);
      if (!row.cancelledAt) {
        const conflict = await findEventConflict(tx, row.id);
        if (conflict) {
          const what = conflict.kind === "event" ? `event "${conflict.title}"` : `a booking of ${conflict.title}`;
          throw new CalendarAbort(fail("conflict", `Conflicts with ${what} at ${conflict.startsAt.toISOString()}`, { conflict }));
        }
      }
      return { ok: true as const, eventId: row.id, occurrences, promoted, event: row };
    }),
  );
}

function pick(row: Record<string, unknown>, like: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, row[k]]));
}

/**
 * Cancelling keeps the event (feeds then show STATUS:CANCELLED) and frees its rooms for others. With a mailer, the
 * people holding a place or waiting for one are told once the cancellation is committed.
 */
export async function setEventCancelled(db: Db, actorId: number, eventId: number, cancelled: boolean, mailer?: Mailer): Promise<CalendarResult> {
  if (!(await permissionsOfPerson(db, actorId)).has("calendar.write")) return fail("forbidden", "calendar.write is required");
  const result = await cancelInTransaction(db, actorId, eventId, cancelled);
  if (!result.ok) return result;
  if (mailer && result.newlyCancelled) {
    const registrants = await db
      .select({ personId: eventRegistrations.personId, guestName: eventRegistrations.guestName, guestEmail: eventRegistrations.guestEmail })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["signed_up", "waitlisted"])))
      .orderBy(eventRegistrations.id);
    await mailRegistrants(db, mailer, registrants, result.newlyCancelled, { subject: "mail.eventCancelled.subject", body: "mail.eventCancelled.body" });
  }
  return { ok: true };
}

async function cancelInTransaction(db: Db, actorId: number, eventId: number, cancelled: boolean) {
  return catchAbort(() =>
    db.transaction(async (tx) => {
      const rooms = (await tx.select().from(eventRooms).where(eq(eventRooms.eventId, eventId))).map((r) => r.roomId);
      const resources = (await tx.select().from(eventResources).where(eq(eventResources.eventId, eventId))).map((r) => r.resourceId);
      const thingIds = (await tx.select().from(eventThings).where(eq(eventThings.eventId, eventId))).map((t) => t.thingId);
      await lockBookables(tx, rooms, resources, thingIds);
      const [before] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
      if (!before) return fail("not_found", "no such event");
      const cancelledAt = cancelled ? (before.cancelledAt ?? new Date()) : null;
      await tx
        .update(events)
        .set({ cancelledAt, updatedAt: new Date() })
        .where(and(eq(events.id, eventId)));
      await recordAudit(tx, {
        actorId,
        changeType: cancelled ? "event.cancel" : "event.restore",
        entity: "event",
        entityId: eventId,
        before: { cancelledAt: before.cancelledAt },
        after: { cancelledAt },
      });
      if (!cancelled) {
        const conflict = await findEventConflict(tx, eventId);
        if (conflict) throw new CalendarAbort(fail("conflict", `Conflicts with "${conflict.title}"`, { conflict }));
      }
      return { ok: true as const, newlyCancelled: cancelled && !before.cancelledAt ? before : null };
    }),
  );
}
