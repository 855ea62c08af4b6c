import { and, asc, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes, trainingSessions, trainingSignups } from "@/lib/db/schema";
import type { HeldAuthorization } from "../equipment/authority";
import { isAuthorizationCurrent, type RelationshipLevel } from "../machine-access/decide-machine-use";

export interface OpenSignup {
  signupId: number;
  sessionId: number;
  status: "signed_up" | "waitlisted";
  startsAt: Date;
  equipmentTypeId: number;
  typeName: string;
  level: RelationshipLevel;
}

/**
 * THE answer to "which trainings is this person still waiting for": a seat or waitlist place on a session that is not
 * cancelled, has not started, has no attendance marked, and trains a level the person does not already hold. Once
 * they passed (in this session or another, or by a grant) the sign-up is no longer pending anywhere: "my equipment",
 * the start page and the training page all ask here.
 */
export async function openSignupsOf(db: Db, personId: number, now = new Date()): Promise<OpenSignup[]> {
  const [rows, held] = await Promise.all([
    upcomingSignupsOf(db, personId, now),
    db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, personId)),
  ]);
  return stillOpen(rows, held, now);
}

/** openSignupsOf over the person's upcoming sign-ups and authorization records (all of them) already loaded. */
export function stillOpen(rows: readonly OpenSignup[], held: readonly HeldAuthorization[], now: Date): OpenSignup[] {
  const holds = (typeId: number, level: RelationshipLevel) =>
    held.some((a) => a.equipmentTypeId === typeId && a.level === level && isAuthorizationCurrent(a, now));
  return rows.filter((r) => !holds(r.equipmentTypeId, r.level));
}

/**
 * The one query for a person's seats and waitlist places on sessions still to come (not cancelled, not started, no
 * attendance marked), soonest first; `of` narrows it to one type and level, leaving out one session (a pass gives up
 * the person's other places of that level: attendance-service.ts).
 */
export async function upcomingSignupsOf(
  db: Db,
  personId: number,
  now: Date,
  of?: { equipmentTypeId: number; level: RelationshipLevel; exceptSessionId: number },
): Promise<OpenSignup[]> {
  const rows = await db
    .select({
      signupId: trainingSignups.id,
      sessionId: trainingSessions.id,
      status: trainingSignups.status,
      startsAt: trainingSessions.startsAt,
      equipmentTypeId: trainingSessions.equipmentTypeId,
      typeName: equipmentTypes.name,
      level: trainingSessions.level,
    })
    .from(trainingSignups)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(
      and(
        eq(trainingSignups.personId, personId),
        inArray(trainingSignups.status, ["signed_up", "waitlisted"]),
        isNull(trainingSignups.attendance),
        isNull(trainingSessions.cancelledAt),
        gt(trainingSessions.startsAt, now),
        of && eq(trainingSessions.equipmentTypeId, of.equipmentTypeId),
        of && eq(trainingSessions.level, of.level),
        of && ne(trainingSessions.id, of.exceptSessionId),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return rows.map((r) => ({ ...r, status: r.status as OpenSignup["status"] }));
}
