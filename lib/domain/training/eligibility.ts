import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, membershipStatuses, people, trainingSignups, type TrainingSession } from "@/lib/db/schema";
import type { HeldAuthorization } from "../equipment/authority";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";
import { decideSignup, type SignupDecision, type SignupFacts } from "./decide-signup";
import { missingAmong, missingPrerequisites, type PrerequisiteRow } from "./prerequisites";

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
  return currentExpiryAmong(rows, session, now);
}

/** currentExpiry over the person's authorization records already loaded (any types and levels, current or not). */
function currentExpiryAmong(records: readonly HeldAuthorization[], session: SessionFacts, now: Date): Date | null | undefined {
  const current = records.filter((a) => a.equipmentTypeId === session.equipmentTypeId && a.level === session.level && isAuthorizationCurrent(a, now));
  if (current.length === 0) return undefined;
  if (current.some((a) => a.expiresAt === null)) return null;
  return new Date(Math.max(...current.map((a) => a.expiresAt!.getTime())));
}

function personFacts(db: Db, personId: number): Promise<SignupFacts["person"][]> {
  return db
    .select({ statusKey: membershipStatuses.key, mayUseMachines: membershipStatuses.mayUseMachines })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
}

/** Everything decideSignup needs about a person and a session; null when the person does not exist. */
export async function loadSignupFacts(db: Db, personId: number, session: SessionFacts, seatsTaken: number, now: Date): Promise<SignupFacts | null> {
  const [person] = await personFacts(db, personId);
  if (!person) return null;
  const [active] = await db
    .select({ id: trainingSignups.id })
    .from(trainingSignups)
    .where(and(eq(trainingSignups.sessionId, session.id), eq(trainingSignups.personId, personId), ne(trainingSignups.status, "cancelled")));
  const expiry = await currentExpiry(db, personId, session, now);
  const missing = await missingPrerequisites(db, personId, session.equipmentTypeId, session.level, now);
  return factsOf({ now, session, seatsTaken, person, missing, hasActiveSignup: Boolean(active), expiry });
}

function factsOf(f: {
  now: Date;
  session: SessionFacts;
  seatsTaken: number;
  person: SignupFacts["person"];
  missing: SignupFacts["missingPrerequisites"];
  hasActiveSignup: boolean;
  expiry: Date | null | undefined;
}): SignupFacts {
  return {
    now: f.now,
    session: { ...f.session, cancelled: f.session.cancelledAt !== null, seatsTaken: f.seatsTaken },
    person: f.person,
    missingPrerequisites: f.missing,
    hasActiveSignup: f.hasActiveSignup,
    ...(f.expiry === undefined ? {} : { currentAuthorizationExpiresAt: f.expiry }),
  };
}

/**
 * For listing sessions: what would happen if the person signed up now for each (the sign-up itself decides again
 * under lock, loadSignupFacts), from the person's authorization records and every prerequisite already loaded: two
 * queries however many sessions and types.
 */
export async function previewSignups(
  db: Db,
  personId: number,
  sessions: readonly (SessionFacts & { seatsTaken: number })[],
  loaded: { records: readonly HeldAuthorization[]; prerequisites: readonly PrerequisiteRow[] },
  now = new Date(),
): Promise<Map<number, SignupDecision>> {
  const decisions = new Map<number, SignupDecision>();
  if (sessions.length === 0) return decisions;
  const [[person], active] = await Promise.all([
    personFacts(db, personId),
    db
      .select({ sessionId: trainingSignups.sessionId })
      .from(trainingSignups)
      .where(
        and(
          eq(trainingSignups.personId, personId),
          inArray(
            trainingSignups.sessionId,
            sessions.map((s) => s.id),
          ),
          ne(trainingSignups.status, "cancelled"),
        ),
      ),
  ]);
  const signedUp = new Set(active.map((a) => a.sessionId));
  for (const session of sessions) {
    if (!person) {
      decisions.set(session.id, { ok: false, reason: "status_forbids" });
      continue;
    }
    const facts = factsOf({
      now,
      session,
      seatsTaken: session.seatsTaken,
      person,
      missing: missingAmong(loaded.prerequisites, loaded.records, session.equipmentTypeId, session.level, now),
      hasActiveSignup: signedUp.has(session.id),
      expiry: currentExpiryAmong(loaded.records, session, now),
    });
    decisions.set(session.id, decideSignup(facts));
  }
  return decisions;
}
