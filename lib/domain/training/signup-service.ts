import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "../equipment/result";
import { decideSignup, type MissingPrerequisite, type SignupRefusal } from "./decide-signup";
import { loadSignupFacts } from "./eligibility";
import { mailPromoted, type Notifier } from "./training-mail";

export type SignupFailure = SignupRefusal | "not_found";

const MESSAGES: Record<SignupFailure, string> = {
  not_found: "This session does not exist.",
  session_cancelled: "This session was cancelled.",
  session_past: "This session has already started or is over.",
  already_signed_up: "You are already signed up for this session.",
  status_forbids: "Your membership status does not allow this training.",
  missing_prerequisites: "You do not meet the prerequisites of this training yet.",
  already_authorized: "You already hold this authorization.",
};

const activeSignupOf = (sessionId: number, personId: number) =>
  and(eq(trainingSignups.sessionId, sessionId), eq(trainingSignups.personId, personId), ne(trainingSignups.status, "cancelled"));

/** Locks the session row: every sign-up and cancellation of one session runs one after the other. */
export async function lockSession(tx: Db, sessionId: number) {
  const [row] = await tx
    .select({ s: trainingSessions, purpose: equipmentTypes.purpose })
    .from(trainingSessions)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(eq(trainingSessions.id, sessionId))
    .for("update", { of: trainingSessions });
  return row;
}

export async function seatsTaken(tx: Db, sessionId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(trainingSignups)
    .where(and(eq(trainingSignups.sessionId, sessionId), eq(trainingSignups.status, "signed_up")));
  return row!.n;
}

/**
 * Signs the person up, or puts them on the waitlist when the session is full. The session row lock makes
 * concurrent sign-ups for the last seat queue up, so a session is never overbooked.
 */
export async function signUp(
  db: Db,
  personId: number,
  sessionId: number,
  now = new Date(),
): Promise<Result<{ signupId: number; status: "signed_up" | "waitlisted" }, SignupFailure> & { missing?: MissingPrerequisite[] }> {
  return db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (!locked) return fail("not_found", MESSAGES.not_found);
    const session = locked.s;
    const facts = await loadSignupFacts(tx, personId, { ...session, typePurpose: locked.purpose }, await seatsTaken(tx, sessionId), now);
    if (!facts) return fail("status_forbids", MESSAGES.status_forbids);
    const decision = decideSignup(facts);
    const missing = facts.missingPrerequisites;
    if (!decision.ok)
      return fail<SignupFailure, { missing: MissingPrerequisite[] }>(decision.reason, MESSAGES[decision.reason], {
        missing: missing.length ? missing : undefined,
      });
    const [row] = await tx.insert(trainingSignups).values({ sessionId, personId, status: decision.status, createdAt: now }).returning();
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "training_signup.create",
      entity: "training_signup",
      entityId: row!.id,
      after: { sessionId, status: decision.status },
    });
    return { ok: true as const, signupId: row!.id, status: decision.status };
  });
}

export type CancelFailure = "not_found" | "not_yours" | "already_cancelled" | "session_past";

/**
 * Cancels a sign-up. A freed seat goes to the longest-waiting person on the waitlist at once, who is told by
 * mail after the change is committed (a mail server being down never undoes the cancellation).
 */
export async function cancelSignup(
  db: Db,
  notifier: Notifier,
  actorId: number,
  input: { sessionId: number; personId?: number },
  now = new Date(),
): Promise<Result<{ promoted: { personId: number; mailed: boolean }[] }, CancelFailure>> {
  const personId = input.personId ?? actorId;
  if (personId !== actorId) return fail("not_yours", "You can only cancel your own sign-up.");
  const outcome = await db.transaction(async (tx) => {
    const locked = await lockSession(tx, input.sessionId);
    if (!locked) return fail("not_found", "This session does not exist.");
    if (locked.s.startsAt <= now) return fail("session_past", "This session has already started; it cannot be cancelled any more.");
    const [signup] = await tx.select().from(trainingSignups).where(activeSignupOf(input.sessionId, personId));
    if (!signup) return fail("already_cancelled", "You are not signed up for this session.");
    await tx.update(trainingSignups).set({ status: "cancelled", cancelledAt: now }).where(eq(trainingSignups.id, signup.id));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "training_signup.cancel",
      entity: "training_signup",
      entityId: signup.id,
      before: { status: signup.status },
      after: { status: "cancelled" },
    });
    const promoted = locked.s.cancelledAt ? [] : await promoteFromWaitlist(tx, locked.s.id, locked.s.capacity, now);
    return { ok: true as const, promoted, session: locked.s };
  });
  if (!outcome.ok) return outcome;
  const { session } = outcome;
  const [type] = await db.select({ name: equipmentTypes.name }).from(equipmentTypes).where(eq(equipmentTypes.id, session.equipmentTypeId));
  return { ok: true, promoted: await mailPromoted(db, notifier, session, type?.name ?? "", outcome.promoted) };
}

/** Fills free seats from the waitlist in the order people joined it; returns who moved up. */
export async function promoteFromWaitlist(tx: Db, sessionId: number, capacity: number, now: Date): Promise<number[]> {
  const free = capacity - (await seatsTaken(tx, sessionId));
  if (free <= 0) return [];
  const waiting = await tx
    .select()
    .from(trainingSignups)
    .where(and(eq(trainingSignups.sessionId, sessionId), eq(trainingSignups.status, "waitlisted")))
    .orderBy(asc(trainingSignups.createdAt), asc(trainingSignups.id))
    .limit(free);
  for (const w of waiting) {
    await tx.update(trainingSignups).set({ status: "signed_up", promotedAt: now }).where(eq(trainingSignups.id, w.id));
    await recordAudit(tx, {
      actorId: null,
      subjectPersonId: w.personId,
      changeType: "training_signup.promote",
      entity: "training_signup",
      entityId: w.id,
      before: { status: "waitlisted" },
      after: { status: "signed_up" },
    });
  }
  return waiting.map((w) => w.personId);
}
