import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { listAllPrerequisites, missingAmong } from "../training/prerequisites";
import { previewSignups } from "../training/eligibility";
import { listUpcomingSessions, type SessionSummary } from "../training/session-queries";
import { stillOpen, upcomingSignupsOf } from "../training/training-state";
import type { MissingPrerequisite, SignupDecision } from "../training/decide-signup";
import { listAuthorizationsOfPerson } from "./authorization-service";
import { isAuthorizationCurrent, type RelationshipLevel } from "../machine-access/decide-machine-use";
import { listEquipmentTypes } from "./equipment-type-service";

const LEVELS: RelationshipLevel[] = ["user", "owner", "trainer"];

export interface LevelState {
  level: RelationshipLevel;
  /** Held now: since the earliest of the current records, until the latest expiry (null: no expiry). */
  current: { since: Date; until: Date | null; source: "training" | "grant" } | null;
  /** Not held now, but was: when it ran out or was revoked. */
  lapsed: { at: Date; why: "expired" | "revoked" } | null;
  /** For levels not held: what the person still needs before they may train for it. */
  missing: MissingPrerequisite[];
}

export interface MyEquipmentType {
  id: number;
  name: string;
  purpose: "equipment" | "organisation" | "system";
  noAuthorizationNeeded: boolean;
  validityMonths: number | null;
  levels: LevelState[];
  /** Upcoming sessions on this type the person is signed up for or could sign up for. */
  sessions: (SessionSummary & { mine: "signed_up" | "waitlisted" | null; decision: SignupDecision })[];
}

/**
 * "My equipment": per type what I am, since when, until when, what I am missing and the sessions I could join.
 * A fixed number of queries however many types, levels and sessions (the page's loader: my-equipment.int.test.ts);
 * `permissions`: the person's own, when the caller has them already (the session carries them).
 */
export async function getMyEquipment(
  db: Db,
  personId: number,
  options: { now?: Date; permissions?: ReadonlySet<Permission> } = {},
): Promise<MyEquipmentType[]> {
  const now = options.now ?? new Date();
  const permissions = options.permissions ?? (await permissionsOfPerson(db, personId));
  // Trainers are named only where they let this person see their name (an applicant's induction: often not).
  const [types, records, upcoming, prerequisites, mySignups] = await Promise.all([
    listEquipmentTypes(db),
    listAuthorizationsOfPerson(db, personId),
    listUpcomingSessions(db, { personId, permissions }, { now }),
    listAllPrerequisites(db),
    upcomingSignupsOf(db, personId, now),
  ]);
  const signups = new Map(stillOpen(mySignups, records, now).map((o) => [o.sessionId, o.status]));
  const decisions = await previewSignups(db, personId, upcoming, { records, prerequisites }, now);
  const result: MyEquipmentType[] = [];
  for (const type of types) {
    const mine = records.filter((r) => r.equipmentTypeId === type.id);
    const levels: LevelState[] = [];
    for (const level of LEVELS) {
      const atLevel = mine.filter((r) => r.level === level);
      const current = atLevel.filter((r) => isAuthorizationCurrent(r, now));
      const state: LevelState = { level, current: null, lapsed: null, missing: [] };
      if (current.length > 0) {
        const since = new Date(Math.min(...current.map((r) => r.grantedAt.getTime())));
        const until = current.some((r) => r.expiresAt === null) ? null : new Date(Math.max(...current.map((r) => r.expiresAt!.getTime())));
        state.current = { since, until, source: current[0]!.source };
      } else {
        const last = atLevel[0]; // newest first
        if (last) state.lapsed = last.revokedAt ? { at: last.revokedAt, why: "revoked" } : { at: last.expiresAt ?? now, why: "expired" };
        state.missing = missingAmong(prerequisites, records, type.id, level, now);
      }
      levels.push(state);
    }
    const sessions = [];
    for (const s of upcoming.filter((u) => u.equipmentTypeId === type.id)) {
      const signedUp = signups.get(s.id) ?? null;
      const decision = decisions.get(s.id)!;
      if (signedUp || decision.ok) sessions.push({ ...s, mine: signedUp, decision });
    }
    const holdsAny = levels.some((l) => l.current || l.lapsed);
    // The special types only matter to those who hold them or could take their session (applicants: the induction).
    if (type.purpose !== "equipment" && !holdsAny && sessions.length === 0) continue;
    result.push({
      id: type.id,
      name: type.name,
      purpose: type.purpose,
      noAuthorizationNeeded: type.noAuthorizationNeeded,
      validityMonths: type.validityMonths,
      levels,
      sessions,
    });
  }
  return result;
}
