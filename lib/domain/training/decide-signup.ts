/**
 * Who may sign up for a training session, and whether they get a seat or a place on the waitlist.
 * Pure, like decideMachineUse: the sign-up service loads the facts and enforces the answer under a row lock.
 */
import type { RelationshipLevel } from "../machine-access/decide-machine-use";

export interface MissingPrerequisite {
  equipmentTypeId: number;
  typeName: string;
  level: RelationshipLevel;
}

export interface SignupFacts {
  now: Date;
  session: {
    startsAt: Date;
    endsAt: Date;
    cancelled: boolean;
    level: RelationshipLevel;
    typePurpose: "equipment" | "organisation" | "system";
    capacity: number;
    /** Sign-ups holding a seat (not waitlisted, not cancelled). */
    seatsTaken: number;
  };
  person: { statusKey: string; mayUseMachines: boolean };
  /** Prerequisites the person does not currently hold, e.g. user of "Laser cutter" before its owner training. */
  missingPrerequisites: MissingPrerequisite[];
  hasActiveSignup: boolean;
  /** Expiry of the person's current authorization at the session's level on its type; undefined: holds none. */
  currentAuthorizationExpiresAt?: Date | null;
}

export type SignupRefusal = "session_cancelled" | "session_past" | "already_signed_up" | "status_forbids" | "missing_prerequisites" | "already_authorized";

export type SignupDecision = { ok: true; status: "signed_up" | "waitlisted" } | { ok: false; reason: SignupRefusal };

/** The organisation's induction is how an applicant becomes a member, so applicants may take it. */
export function statusAllowsTraining(person: SignupFacts["person"], typePurpose: SignupFacts["session"]["typePurpose"]): boolean {
  return person.mayUseMachines || (typePurpose === "organisation" && person.statusKey === "applicant");
}

export function decideSignup(facts: SignupFacts): SignupDecision {
  const { session } = facts;
  if (session.cancelled) return { ok: false, reason: "session_cancelled" };
  if (session.startsAt <= facts.now) return { ok: false, reason: "session_past" };
  if (facts.hasActiveSignup) return { ok: false, reason: "already_signed_up" };
  if (!statusAllowsTraining(facts.person, session.typePurpose)) return { ok: false, reason: "status_forbids" };
  if (facts.missingPrerequisites.length > 0) return { ok: false, reason: "missing_prerequisites" };
  // Renewing is fine when the current authorization would run out before the session ends.
  const held = facts.currentAuthorizationExpiresAt;
  if (held === null || (held !== undefined && held > session.endsAt)) return { ok: false, reason: "already_authorized" };
  return { ok: true, status: session.seatsTaken < session.capacity ? "signed_up" : "waitlisted" };
}
