import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { cards, equipmentTypes, machineBookings, machines } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { recordAudit } from "../audit/record-audit";
import { decideMachineUse } from "../machine-access/decide-machine-use";
import { loadMachineUseFacts } from "../machine-access/machine-use-facts";
import { machineUseFactsOfPerson } from "../machine-access/person-machine-facts";
import { findMachineConflict } from "./conflicts";
import { CalendarAbort, catchAbort, fail, type CalendarResult } from "./result";

const bookingSchema = z.object({
  machineId: z.coerce.number().int().positive(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  note: z.string().trim().max(500).default(""),
});

export const MAX_BOOKING_DAYS = 7;

/** Why a booking's times are refused, per field, so a form can say it next to the field; empty when they are fine. */
export type BookingTimeProblem = { field: "startsAt" | "endsAt"; code: "missing" | "before_start" | "in_past" | "too_long" };

/** THE rule for a booking's times (the form checks with it before asking, bookMachine again inside). */
export function bookingTimeProblems(startsAt: Date | null, endsAt: Date | null, now: Date): BookingTimeProblem[] {
  const problems: BookingTimeProblem[] = [];
  const start = startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt : null;
  const end = endsAt && !Number.isNaN(endsAt.getTime()) ? endsAt : null;
  if (!start) problems.push({ field: "startsAt", code: "missing" });
  if (!end) problems.push({ field: "endsAt", code: "missing" });
  if (end && start && end <= start) problems.push({ field: "endsAt", code: "before_start" });
  else if (end && start && end.getTime() - start.getTime() > MAX_BOOKING_DAYS * 86_400_000) problems.push({ field: "endsAt", code: "too_long" });
  // Said even while the start is missing: every problem at once.
  if (end && end <= now) problems.push({ field: "endsAt", code: "in_past" });
  return problems;
}

/**
 * Whether the person may book the machine now: THE rule (decideMachineUse with their active card). Also asked by
 * the machine page to decide whether to offer the booking form.
 */
export async function mayBookMachine(db: Db, personId: number, machineId: number, now = new Date()): Promise<CalendarResult> {
  const [card] = await db
    .select()
    .from(cards)
    .where(and(eq(cards.personId, personId), eq(cards.state, "active")))
    .limit(1);
  if (!card) return fail("no_active_card", "you need an active card to book a machine");
  const facts = await loadMachineUseFacts(db, { uid: card.uid, machineId, now });
  if (!facts) return fail("not_found", "no such machine");
  const decision = decideMachineUse(facts);
  if (!decision.allowed) {
    return decision.reason === "machine_blocked"
      ? fail("machine_blocked", "the machine is blocked")
      : fail("not_allowed_on_machine", `you may not use this machine (${decision.reason})`);
  }
  return { ok: true };
}

/** What a booking (made or cancelled) was, so the answer can say it in words: "Booked LASER 1, 15 Dec 10:00–11:00". */
export interface BookedSlot {
  bookingId: number;
  machineId: number;
  machineName: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The machines the person may book now, by the same rule as bookMachine (so the booking form offers only these),
 * in name order.
 */
export async function bookableMachines(db: Db, personId: number, now = new Date()): Promise<{ id: number; name: string }[]> {
  // The facts of every machine in a few queries (it was ~8 queries per machine, per page view of /bookings and /machines).
  return (await machineUseFactsOfPerson(db, personId, now)).filter(({ facts }) => decideMachineUse(facts).allowed).map(({ machine }) => machine);
}

/**
 * A member books a machine they may use by THE rule (decideMachineUse with their active card), not a blocked
 * one, and not overlapping another booking or an event that reserves the machine.
 */
export async function bookMachine(db: Db, personId: number, raw: z.input<typeof bookingSchema>, now = new Date()): Promise<CalendarResult<BookedSlot>> {
  const parsed = bookingSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const input = parsed.data;
  const problems = bookingTimeProblems(input.startsAt, input.endsAt, now);
  if (problems.length) return fail("validation", problems.map((p) => `${p.field}: ${p.code}`).join("; "));
  const may = await mayBookMachine(db, personId, input.machineId, now);
  if (!may.ok) return may;
  return catchAbort(() =>
    db.transaction(async (tx) => {
      const [machine] = await tx.select().from(machines).where(eq(machines.id, input.machineId)).for("update");
      if (!machine) return fail("not_found", "no such machine");
      if (machine.blocked) return fail("machine_blocked", "the machine is blocked");
      const conflict = await findMachineConflict(tx, machine.id, input.startsAt, input.endsAt);
      if (conflict) throw new CalendarAbort(fail("conflict", `The machine is taken: ${conflict.title} at ${conflict.startsAt.toISOString()}`, { conflict }));
      const [row] = await tx
        .insert(machineBookings)
        .values({ ...input, personId })
        .returning();
      await recordAudit(tx, {
        actorId: personId,
        subjectPersonId: personId,
        changeType: "machine_booking.create",
        entity: "machine_booking",
        entityId: row!.id,
        after: input,
      });
      return { ok: true as const, bookingId: row!.id, machineId: machine.id, machineName: machine.name, startsAt: row!.startsAt, endsAt: row!.endsAt };
    }),
  );
}

/** Its owner or someone with calendar.write cancels a booking; answers what was cancelled and whose it was. */
export async function cancelMachineBooking(db: Db, actorId: number, bookingId: number): Promise<CalendarResult<BookedSlot & { personId: number }>> {
  const [row] = await db
    .select({ booking: machineBookings, machineName: machines.name })
    .from(machineBookings)
    .innerJoin(machines, eq(machines.id, machineBookings.machineId))
    .where(eq(machineBookings.id, bookingId));
  if (!row) return fail("not_found", "no such booking");
  const { booking } = row;
  if (booking.personId !== actorId && !(await permissionsOfPerson(db, actorId)).has("calendar.write")) return fail("forbidden", "not your booking");
  const slot = {
    bookingId,
    machineId: booking.machineId,
    machineName: row.machineName,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    personId: booking.personId,
  };
  if (booking.cancelledAt) return { ok: true, ...slot };
  await db.transaction(async (tx) => {
    const cancelledAt = new Date();
    await tx.update(machineBookings).set({ cancelledAt }).where(eq(machineBookings.id, bookingId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: booking.personId,
      changeType: "machine_booking.cancel",
      entity: "machine_booking",
      entityId: bookingId,
      before: { cancelledAt: null },
      after: { cancelledAt },
    });
  });
  return { ok: true, ...slot };
}

/** A person's bookings that have not ended and are not cancelled, soonest first, with the machine's name. */
export async function upcomingBookingsOf(db: Db, personId: number, now = new Date()) {
  return db
    .select({ b: machineBookings, machine: machines.name })
    .from(machineBookings)
    .innerJoin(machines, eq(machines.id, machineBookings.machineId))
    .where(and(eq(machineBookings.personId, personId), isNull(machineBookings.cancelledAt), gt(machineBookings.endsAt, now)))
    .orderBy(asc(machineBookings.startsAt));
}

/** What the member-facing machine page shows about the machine itself; null when there is no such machine. */
export async function machineForMembers(db: Db, machineId: number) {
  const [row] = await db
    .select({
      id: machines.id,
      name: machines.name,
      location: machines.location,
      make: machines.make,
      model: machines.model,
      blocked: machines.blocked,
      blockedReason: machines.blockedReason,
      type: equipmentTypes.name,
    })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(eq(machines.id, machineId));
  return row ?? null;
}
