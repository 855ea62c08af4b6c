import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, membershipStatuses, people, trainingSignups, type TrainingSession } from "@/lib/db/schema";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";
import { decideSignup, type SignupDecision, type SignupFacts } from "./decide-signup";
import { missingPrerequisites } from "./prerequisites";

type SessionFacts = Pick<TrainingSession, "id" | "equipmentTypeId" | "level" | "startsAt" | "endsAt" | "capacity" | "cancelledAt"> & {
  typePurpose: SignupFacts["session"]["typePurpose"];
};

/** The latest expiry among the person's current authorizations at a level: null = never expires, undefined = holds none. */
async function currentExpiry(db: Db, personId: number, session: SessionFacts, now: Date): Promise<Date | null | undefined> {
  const rows = await db
    .select()
    .from(equipmentAuthorizations)
    .where(
      and(
        eq(equipmentAuthorizations.personId, personId),
        eq(equipmentAuthorizations.equipmentTypeId, session.equipmentTypeId),
        eq(equipmentAuthorizations.level, session.level),
        isNull(equipmentAuthorizations.revokedAt),
      ),
    );
  const current = rows.filter((a) => isAuthorizationCurrent(a, now));
  if (current.length === 0) return undefined;
  if (current.some((a) => a.expiresAt === null)) return null;
  return new Date(Math.max(...current.map((a) => a.expiresAt!.getTime())));
}

/** Everything decideSignup needs about a person and a session; null when the person does not exist. */
export async function loadSignupFacts(db: Db, personId: number, session: SessionFacts, seatsTaken: number, now: Date): Promise<SignupFacts | null> {
  const [person] = await db
    .select({ statusKey: membershipStatuses.key, mayUseMachines: membershipStatuses.mayUseMachines })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  if (!person) return null;
  const [active] = await db
    .select({ id: trainingSignups.id })
    .from(trainingSignups)
    .where(and(eq(trainingSignups.sessionId, session.id), eq(trainingSignups.personId, personId), ne(trainingSignups.status, "cancelled")));
  const expiry = await currentExpiry(db, personId, session, now);
  return {
    now,
    session: { ...session, cancelled: session.cancelledAt !== null, seatsTaken },
    person,
    missingPrerequisites: await missingPrerequisites(db, personId, session.equipmentTypeId, session.level, now),
    hasActiveSignup: Boolean(active),
    ...(expiry === undefined ? {} : { currentAuthorizationExpiresAt: expiry }),
  };
}

/** For listing sessions: what would happen if the person signed up now (the sign-up itself decides again under lock). */
export async function previewSignup(db: Db, personId: number, session: SessionFacts & { seatsTaken: number }, now = new Date()): Promise<SignupDecision> {
  const facts = await loadSignupFacts(db, personId, session, session.seatsTaken, now);
  return facts ? decideSignup(facts) : { ok: false, reason: "status_forbids" };
}
