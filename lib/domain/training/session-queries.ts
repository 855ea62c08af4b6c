import { and, asc, count, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, profiles, trainingSessions, trainingSessionTrainers, trainingSignups, type TrainingSession } from "@/lib/db/schema";

export interface SessionSummary extends TrainingSession {
  equipmentTypeName: string;
  typePurpose: "equipment" | "organisation" | "system";
  seatsTaken: number;
  waitlisted: number;
  trainers: { personId: number; name: string }[];
}

const nameOf = (first: string | null, last: string | null, id: number) => [first, last].filter(Boolean).join(" ") || `#${id}`;

/** Sessions with their seat counts and trainers, in start order. */
async function summaries(db: Db, where: ReturnType<typeof and>): Promise<SessionSummary[]> {
  const rows = await db
    .select({ s: trainingSessions, typeName: equipmentTypes.name, purpose: equipmentTypes.purpose })
    .from(trainingSessions)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(where)
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.s.id);
  const counts = await db
    .select({ sessionId: trainingSignups.sessionId, status: trainingSignups.status, n: count() })
    .from(trainingSignups)
    .where(inArray(trainingSignups.sessionId, ids))
    .groupBy(trainingSignups.sessionId, trainingSignups.status);
  const trainers = await db
    .select({ sessionId: trainingSessionTrainers.sessionId, personId: trainingSessionTrainers.personId, first: profiles.firstName, last: profiles.lastName })
    .from(trainingSessionTrainers)
    .leftJoin(profiles, eq(profiles.personId, trainingSessionTrainers.personId))
    .where(inArray(trainingSessionTrainers.sessionId, ids));
  const countOf = (id: number, status: string) => counts.find((c) => c.sessionId === id && c.status === status)?.n ?? 0;
  return rows.map(({ s, typeName, purpose }) => ({
    ...s,
    equipmentTypeName: typeName,
    typePurpose: purpose,
    seatsTaken: countOf(s.id, "signed_up"),
    waitlisted: countOf(s.id, "waitlisted"),
    trainers: trainers.filter((t) => t.sessionId === s.id).map((t) => ({ personId: t.personId, name: nameOf(t.first, t.last, t.personId) })),
  }));
}

/** Sessions not cancelled that have not started yet, optionally of some types only. */
export async function listUpcomingSessions(db: Db, options: { now?: Date; equipmentTypeIds?: number[] } = {}): Promise<SessionSummary[]> {
  const now = options.now ?? new Date();
  const byType = options.equipmentTypeIds ? inArray(trainingSessions.equipmentTypeId, options.equipmentTypeIds) : undefined;
  return summaries(db, and(isNull(trainingSessions.cancelledAt), gt(trainingSessions.startsAt, now), byType));
}

/** The sessions a trainer runs: upcoming ones and those of the last 60 days, whose attendance may still need marking. */
export async function listSessionsOfTrainer(db: Db, trainerId: number, now = new Date()): Promise<SessionSummary[]> {
  const since = new Date(now.getTime() - 60 * 24 * 3600_000);
  const mine = db.select({ id: trainingSessionTrainers.sessionId }).from(trainingSessionTrainers).where(eq(trainingSessionTrainers.personId, trainerId));
  return summaries(db, and(inArray(trainingSessions.id, mine), gte(trainingSessions.endsAt, since)));
}

export interface SessionParticipant {
  signupId: number;
  personId: number;
  name: string;
  status: "signed_up" | "waitlisted" | "cancelled";
  createdAt: Date;
  attendance: "passed" | "failed" | "no_show" | null;
}

export async function getSessionDetail(db: Db, sessionId: number): Promise<(SessionSummary & { participants: SessionParticipant[] }) | null> {
  const [summary] = await summaries(db, and(eq(trainingSessions.id, sessionId)));
  if (!summary) return null;
  const rows = await db
    .select({ s: trainingSignups, first: profiles.firstName, last: profiles.lastName })
    .from(trainingSignups)
    .leftJoin(profiles, eq(profiles.personId, trainingSignups.personId))
    .where(eq(trainingSignups.sessionId, sessionId))
    // Seats first, then the waitlist in its order, cancellations last.
    .orderBy(sql`case ${trainingSignups.status} when 'signed_up' then 0 when 'waitlisted' then 1 else 2 end`, asc(trainingSignups.createdAt), asc(trainingSignups.id));
  const participants = rows.map(({ s, first, last }) => ({
    signupId: s.id,
    personId: s.personId,
    name: nameOf(first, last, s.personId),
    status: s.status,
    createdAt: s.createdAt,
    attendance: s.attendance,
  }));
  return { ...summary, participants };
}

