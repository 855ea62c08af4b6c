import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingSessions, trainingSessionTrainers, trainingSignups } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { isCurrentTrainer } from "../equipment/authority";
import { fail, type Result } from "../equipment/result";
import { sendTo, sessionWhen, type Notifier } from "./training-mail";

export const sessionInput = z
  .object({
    equipmentTypeId: z.number().int().positive(),
    level: z.enum(["user", "owner", "trainer"]),
    startsAt: z.date(),
    endsAt: z.date(),
    room: z.string().trim().max(200).default(""),
    capacity: z.number().int().min(1).max(500),
    notes: z.string().trim().max(2000).default(""),
    /** Further trainers running the session with the one scheduling it; each must be a trainer of the type. */
    coTrainerIds: z.array(z.number().int().positive()).max(10).default([]),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: "The session must end after it starts.", path: ["endsAt"] });

export type ScheduleFailure = "invalid" | "unknown_type" | "not_a_trainer" | "co_trainer_not_a_trainer" | "starts_in_past";

/** Only a current trainer of the type schedules its sessions; they run it, with any co-trainers they name. */
export async function scheduleSession(
  db: Db,
  actorId: number,
  raw: z.input<typeof sessionInput>,
  now = new Date(),
): Promise<Result<{ id: number }, ScheduleFailure>> {
  const parsed = sessionInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "Please check the session's details.");
  const s = parsed.data;
  const [type] = await db.select().from(equipmentTypes).where(eq(equipmentTypes.id, s.equipmentTypeId));
  if (!type) return fail("unknown_type", "This equipment type does not exist.");
  if (!(await isCurrentTrainer(db, actorId, type.id, now))) return fail("not_a_trainer", `Only a trainer of ${type.name} may schedule its sessions.`);
  if (s.startsAt <= now) return fail("starts_in_past", "A session must start in the future.");
  const trainers = [...new Set([actorId, ...s.coTrainerIds])];
  for (const id of trainers) {
    if (!(await isCurrentTrainer(db, id, type.id, now)))
      return fail("co_trainer_not_a_trainer", `Every trainer of the session must be a trainer of ${type.name}.`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        equipmentTypeId: type.id,
        level: s.level,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        room: s.room,
        capacity: s.capacity,
        notes: s.notes,
        createdById: actorId,
      })
      .returning();
    await tx.insert(trainingSessionTrainers).values(trainers.map((personId) => ({ sessionId: row!.id, personId })));
    await recordAudit(tx, {
      actorId,
      changeType: "training_session.create",
      entity: "training_session",
      entityId: row!.id,
      after: { equipmentTypeId: type.id, level: s.level, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room, capacity: s.capacity, trainers },
    });
    return { ok: true as const, id: row!.id };
  });
}

export type CancelSessionFailure = "not_found" | "not_a_trainer" | "already_cancelled" | "session_past";

/**
 * Cancelling keeps the session and its sign-ups as a record; nobody can sign up any more. Everyone holding a
 * seat or waiting for one is told by mail once the cancellation is committed.
 */
export async function cancelSession(
  db: Db,
  notifier: Notifier,
  actorId: number,
  sessionId: number,
  now = new Date(),
): Promise<Result<{ notified: number; notMailed: number }, CancelSessionFailure>> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ session: trainingSessions, typeName: equipmentTypes.name })
      .from(trainingSessions)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
      .where(eq(trainingSessions.id, sessionId))
      .for("update", { of: trainingSessions });
    if (!row) return fail("not_found", "This session does not exist.");
    const { session } = row;
    if (!(await isCurrentTrainer(tx, actorId, session.equipmentTypeId, now)))
      return fail("not_a_trainer", "Only a trainer of this type may cancel the session.");
    if (session.cancelledAt) return fail("already_cancelled", "This session was cancelled already.");
    if (session.endsAt <= now) return fail("session_past", "This session is over.");
    await tx.update(trainingSessions).set({ cancelledAt: now }).where(eq(trainingSessions.id, sessionId));
    await recordAudit(tx, {
      actorId,
      changeType: "training_session.cancel",
      entity: "training_session",
      entityId: sessionId,
      before: { cancelledAt: null },
      after: { cancelledAt: now },
    });
    const participants = await tx
      .select({ personId: trainingSignups.personId })
      .from(trainingSignups)
      .where(and(eq(trainingSignups.sessionId, sessionId), ne(trainingSignups.status, "cancelled")));
    return { ok: true as const, session, typeName: row.typeName, participants: participants.map((p) => p.personId) };
  });
  if (!outcome.ok) return outcome;
  let notified = 0;
  for (const personId of outcome.participants) {
    const sent = await sendTo(db, notifier, personId, { subject: "mail.sessionCancelled.subject", body: "mail.sessionCancelled.body" }, (r) => ({
      type: outcome.typeName,
      level: r.t(`level.${outcome.session.level}`),
      when: sessionWhen(outcome.session.startsAt, r, notifier.timeZone),
    }));
    if (sent) notified++;
  }
  return { ok: true, notified, notMailed: outcome.participants.length - notified };
}
