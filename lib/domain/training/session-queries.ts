import { and, asc, count, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingSessions, trainingSessionTrainers, trainingSignups, type TrainingSession } from "@/lib/db/schema";
import { namesShownTo, shownNameOr } from "../people/shown-names";
import type { Viewer } from "../people/visibility";

export interface SessionSummary extends TrainingSession {
  equipmentTypeName: string;
  typePurpose: "equipment" | "organisation" | "system";
  seatsTaken: number;
  waitlisted: number;
  /** The trainers whose name the viewer may see (names follow each person's visibility). */
  trainers: { personId: number; name: string }[];
}

/** Sessions with their seat counts and the trainers this viewer may see by name, in start order. */
async function summaries(db: Db, viewer: Viewer, where: ReturnType<typeof and>): Promise<SessionSummary[]> {
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
    .select({ sessionId: trainingSessionTrainers.sessionId, personId: trainingSessionTrainers.personId })
    .from(trainingSessionTrainers)
    .where(inArray(trainingSessionTrainers.sessionId, ids));
  const names = await namesShownTo(
    db,
    viewer,
    trainers.map((t) => t.personId),
  );
  const countOf = (id: number, status: string) => counts.find((c) => c.sessionId === id && c.status === status)?.n ?? 0;
  return rows.map(({ s, typeName, purpose }) => ({
    ...s,
    equipmentTypeName: typeName,
    typePurpose: purpose,
    seatsTaken: countOf(s.id, "signed_up"),
    waitlisted: countOf(s.id, "waitlisted"),
    trainers: trainers.filter((t) => t.sessionId === s.id && names.has(t.personId)).map((t) => ({ personId: t.personId, name: names.get(t.personId)! })),
  }));
}

/** Sessions not cancelled that have not started yet, optionally of some types only. */
export async function listUpcomingSessions(db: Db, viewer: Viewer, options: { now?: Date; equipmentTypeIds?: number[] } = {}): Promise<SessionSummary[]> {
  const now = options.now ?? new Date();
  const byType = options.equipmentTypeIds ? inArray(trainingSessions.equipmentTypeId, options.equipmentTypeIds) : undefined;
  return summaries(db, viewer, and(isNull(trainingSessions.cancelledAt), gt(trainingSessions.startsAt, now), byType));
}

/** The sessions a trainer runs: upcoming ones and those of the last 60 days, whose attendance may still need marking. */
export async function listSessionsOfTrainer(db: Db, trainer: Viewer & { personId: number }, now = new Date()): Promise<SessionSummary[]> {
  const since = new Date(now.getTime() - 60 * 24 * 3600_000);
  const mine = db.select({ id: trainingSessionTrainers.sessionId }).from(trainingSessionTrainers).where(eq(trainingSessionTrainers.personId, trainer.personId));
  return summaries(db, trainer, and(inArray(trainingSessions.id, mine), gte(trainingSessions.endsAt, since)));
}

export interface SessionParticipant {
  signupId: number;
  personId: number;
  /** As the participant lets the viewer see it, else "#id". */
  name: string;
  status: "signed_up" | "waitlisted" | "cancelled";
  createdAt: Date;
  attendance: "passed" | "failed" | "no_show" | null;
}

/** A session with its participants, each named as they let the viewer (its trainer) see them. */
export async function getSessionDetail(db: Db, viewer: Viewer, sessionId: number): Promise<(SessionSummary & { participants: SessionParticipant[] }) | null> {
  const [summary] = await summaries(db, viewer, and(eq(trainingSessions.id, sessionId)));
  if (!summary) return null;
  const rows = await db
    .select({ s: trainingSignups })
    .from(trainingSignups)
    .where(eq(trainingSignups.sessionId, sessionId))
    // Seats first, then the waitlist in its order, cancellations last.
    .orderBy(
      sql`case ${trainingSignups.status} when 'signed_up' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(trainingSignups.createdAt),
      asc(trainingSignups.id),
    );
  const names = await namesShownTo(
    db,
    viewer,
    rows.map(({ s }) => s.personId),
  );
  const participants = rows.map(({ s }) => ({
    signupId: s.id,
    personId: s.personId,
    name: shownNameOr(names, s.personId),
    status: s.status,
    createdAt: s.createdAt,
    attendance: s.attendance,
  }));
  return { ...summary, participants };
}
