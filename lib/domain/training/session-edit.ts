import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { diffValues, recordAudit } from "../audit/record-audit";
import { isCurrentTrainer } from "../equipment/authority";
import { fail, type Failure, type Result } from "../equipment/result";
import { lockSession, promoteFromWaitlist, seatsTaken } from "./signup-service";
import { mailPromoted, sendTo, sessionWhen, type Notifier } from "./training-mail";

export const sessionEditInput = z
  .object({
    sessionId: z.number().int().positive(),
    startsAt: z.date(),
    endsAt: z.date(),
    room: z.string().trim().max(200).default(""),
    capacity: z.number().int().min(1).max(500),
    notes: z.string().trim().max(2000).default(""),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: "The session must end after it starts.", path: ["endsAt"] });

export type EditSessionFailure =
  "invalid" | "not_found" | "not_a_trainer" | "session_cancelled" | "session_past" | "starts_in_past" | "capacity_below_signed_up";

export type EditSessionOutcome = { notified: number; notMailed: number; promoted: number[] };

/**
 * A trainer of the type changes a scheduled session's time, room, capacity or notes. Seats already given are
 * kept: the capacity cannot drop below them. More seats move people up from the waitlist. When the time or room
 * changes, everyone holding or waiting for a seat is mailed once the change is committed.
 */
export async function editSession(
  db: Db,
  notifier: Notifier,
  actorId: number,
  raw: z.input<typeof sessionEditInput>,
  now = new Date(),
): Promise<Result<EditSessionOutcome, EditSessionFailure> & { seatsTaken?: number }> {
  const parsed = sessionEditInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "Please check the session's details.");
  const input = parsed.data;
  const outcome = await db.transaction(async (tx) => {
    // The same row lock as sign-ups: the seat count cannot change between the check and the update.
    const locked = await lockSession(tx, input.sessionId);
    if (!locked) return fail("not_found", "This session does not exist.");
    const before = locked.s;
    if (!(await isCurrentTrainer(tx, actorId, before.equipmentTypeId, now)))
      return fail("not_a_trainer", "Only a trainer of this type may change the session.");
    if (before.cancelledAt) return fail("session_cancelled", "This session was cancelled.");
    if (before.endsAt <= now) return fail("session_past", "This session is over.");
    const moved = input.startsAt.getTime() !== before.startsAt.getTime() || input.endsAt.getTime() !== before.endsAt.getTime();
    if (moved && input.startsAt <= now) return fail("starts_in_past", "A session must start in the future.");
    const taken = await seatsTaken(tx, before.id);
    if (input.capacity < taken) {
      const refusal: Failure<"capacity_below_signed_up"> & { seatsTaken: number } = {
        ...fail("capacity_below_signed_up", `${taken} people already hold a seat; the capacity cannot be lower than ${taken}.`),
        seatsTaken: taken,
      };
      return refusal;
    }
    const values = { startsAt: input.startsAt, endsAt: input.endsAt, room: input.room, capacity: input.capacity, notes: input.notes };
    await tx.update(trainingSessions).set(values).where(eq(trainingSessions.id, before.id));
    const diff = diffValues({ startsAt: before.startsAt, endsAt: before.endsAt, room: before.room, capacity: before.capacity, notes: before.notes }, values);
    await recordAudit(tx, { actorId, changeType: "training_session.update", entity: "training_session", entityId: before.id, ...diff });
    const promoted = input.capacity > before.capacity ? await promoteFromWaitlist(tx, before.id, input.capacity, now) : [];
    const tell = moved || input.room !== before.room;
    const participants = tell
      ? await tx
          .select({ personId: trainingSignups.personId })
          .from(trainingSignups)
          .where(and(eq(trainingSignups.sessionId, before.id), ne(trainingSignups.status, "cancelled")))
          .orderBy(trainingSignups.id)
      : [];
    const [type] = await tx.select({ name: equipmentTypes.name }).from(equipmentTypes).where(eq(equipmentTypes.id, before.equipmentTypeId));
    return {
      ok: true as const,
      before,
      after: { ...before, ...values },
      typeName: type?.name ?? "",
      promoted,
      participants: participants.map((p) => p.personId),
    };
  });
  if (!outcome.ok) return outcome;
  const { before, after, typeName } = outcome;
  let notified = 0;
  for (const personId of outcome.participants) {
    const sent = await sendTo(db, notifier, personId, { subject: "mail.sessionChanged.subject", body: "mail.sessionChanged.body" }, (r) => ({
      type: typeName,
      level: r.t(`level.${after.level}`),
      when: sessionWhen(after.startsAt, r, notifier.timeZone),
      room: after.room || "-",
      oldWhen: sessionWhen(before.startsAt, r, notifier.timeZone),
      oldRoom: before.room || "-",
    }));
    if (sent) notified++;
  }
  // People moved up by the extra seats hear about their seat (those already mailed about the change too).
  await mailPromoted(db, notifier, after, typeName, outcome.promoted);
  return { ok: true, notified, notMailed: outcome.participants.length - notified, promoted: outcome.promoted };
}
