import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingSessions, trainingSignups, type TrainingSession } from "@/lib/db/schema";
import { grantRefusal, type ContainmentCode } from "../access/containment";
import { recordAudit } from "../audit/record-audit";
import { isCurrentTrainer } from "../equipment/authority";
import { recordAuthorization } from "../equipment/record-authorization";
import { fail, type Result } from "../equipment/result";
import { lockSession, promoteFromWaitlist } from "./signup-service";
import { mailPromoted, type Notifier } from "./training-mail";
import { mailPassed } from "./training-notices";
import { upcomingSignupsOf } from "./training-state";

export const attendanceInput = z.object({ signupId: z.number().int().positive(), attendance: z.enum(["passed", "failed", "no_show"]) });

export type AttendanceFailure =
  "invalid" | "not_found" | "not_a_trainer" | "own_attendance" | "session_cancelled" | "not_started" | "not_signed_up" | "already_passed" | ContainmentCode;

/**
 * A trainer of the session's type records how each participant did. The record is the proof and is kept
 * forever; "passed" grants the relationship at once (and, for the organisation's induction, membership).
 * A pass is final here: taking it back is a revocation with a reason, on the person's equipment page.
 */
export async function markAttendance(
  db: Db,
  actorId: number,
  raw: z.input<typeof attendanceInput>,
  now = new Date(),
): Promise<Result<{ personId: number; authorizationId: number | null; released?: ReleasedSeat[] }, AttendanceFailure>> {
  const parsed = attendanceInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Choose passed, failed or no-show.");
  const { signupId, attendance } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ signup: trainingSignups, session: trainingSessions, type: equipmentTypes })
      .from(trainingSignups)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
      .where(eq(trainingSignups.id, signupId))
      .for("update", { of: trainingSignups });
    if (!row) return fail("not_found", "This sign-up does not exist.");
    const { signup, session, type } = row;
    if (!(await isCurrentTrainer(tx, actorId, type.id, now))) return fail("not_a_trainer", `Only a trainer of ${type.name} may mark attendance.`);
    if (signup.personId === actorId) return fail("own_attendance", "Another trainer has to mark your own attendance.");
    if (session.cancelledAt) return fail("session_cancelled", "This session was cancelled.");
    // Nobody can have passed (or missed) a session that has not begun.
    if (session.startsAt > now) return fail("not_started", "Attendance can be recorded once the session has started.");
    if (signup.status !== "signed_up") return fail("not_signed_up", "Only people holding a seat can be marked; this sign-up is waitlisted or cancelled.");
    if (signup.attendance === "passed") return fail("already_passed", "This person passed already; revoke the authorization instead if needed.");
    // A pass on the "system" type makes an administrator: only someone holding every permission may give it.
    const beyond = attendance === "passed" ? await grantRefusal(tx, actorId, { equipmentType: type }) : null;
    if (beyond) return beyond;

    await tx.update(trainingSignups).set({ attendance, attendanceMarkedAt: now, attendanceMarkedById: actorId }).where(eq(trainingSignups.id, signupId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: signup.personId,
      changeType: "training_signup.attendance",
      entity: "training_signup",
      entityId: signupId,
      before: { attendance: signup.attendance },
      after: { attendance },
    });
    // Whose attendance it was: the answer names them.
    if (attendance !== "passed") return { ok: true as const, personId: signup.personId, authorizationId: null };
    const authorizationId = await recordAuthorization(tx, {
      personId: signup.personId,
      type,
      level: session.level,
      source: "training",
      reason: `Passed training session #${session.id}`,
      grantedById: actorId,
      trainingSessionId: session.id,
      now,
    });
    const released = await releaseOtherSignups(tx, actorId, signup.personId, session, now);
    return { ok: true as const, personId: signup.personId, authorizationId, released };
  });
}

/** A seat or waitlist place the passing person gave up, and who moved up into it. */
export interface ReleasedSeat {
  session: TrainingSession;
  typeName: string;
  promoted: number[];
}

/**
 * Having passed, the person needs no other session of the same type and level: their seats and waitlist places in
 * the ones still to come are cancelled, and each freed seat goes to that session's waitlist at once.
 */
async function releaseOtherSignups(tx: Db, actorId: number, personId: number, passed: TrainingSession, now: Date): Promise<ReleasedSeat[]> {
  const others = await upcomingSignupsOf(tx, personId, now, { equipmentTypeId: passed.equipmentTypeId, level: passed.level, exceptSessionId: passed.id });
  // One order for every transaction that locks several sessions: by session id.
  others.sort((a, b) => a.sessionId - b.sessionId);
  const released: ReleasedSeat[] = [];
  for (const { signupId, sessionId, status, typeName } of others) {
    const locked = await lockSession(tx, sessionId);
    if (!locked) continue;
    await tx.update(trainingSignups).set({ status: "cancelled", cancelledAt: now }).where(eq(trainingSignups.id, signupId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "training_signup.cancel",
      entity: "training_signup",
      entityId: signupId,
      before: { status },
      after: { status: "cancelled" },
    });
    const promoted = status === "signed_up" ? await promoteFromWaitlist(tx, locked.s.id, locked.s.capacity, now) : [];
    released.push({ session: locked.s, typeName, promoted });
  }
  return released;
}

/**
 * Records attendance and then tells people, after the change is committed: the person who passed, and everyone who
 * moved up into a seat they gave up. A mail server being down never undoes the record.
 */
export async function recordAttendance(
  db: Db,
  notifier: Notifier,
  actorId: number,
  raw: z.input<typeof attendanceInput>,
  now = new Date(),
): Promise<Result<{ personId: number; authorizationId: number | null; released?: ReleasedSeat[] }, AttendanceFailure>> {
  const result = await markAttendance(db, actorId, raw, now);
  if (!result.ok || !result.released) return result;
  await mailPassed(db, notifier.mailer, raw.signupId, notifier.timeZone);
  for (const r of result.released) await mailPromoted(db, notifier, r.session, r.typeName, r.promoted);
  return result;
}
