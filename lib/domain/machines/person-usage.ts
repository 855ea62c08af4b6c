import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";

export const PERSON_USAGE_PAGE_SIZE = 25;

/** Hours per machine for one person (closed sessions by their duration, an open one up to now; flagged ones not). */
export async function personHoursByMachine(
  db: Db,
  personId: number,
  now = new Date(),
): Promise<{ machineId: number; machineName: string; hours: number; sessions: number }[]> {
  const seconds = sql<string>`sum(coalesce(${usageSessions.durationSeconds}, greatest(0, extract(epoch from ${now.toISOString()}::timestamptz - ${usageSessions.startedAt}))))`;
  const rows = await db
    .select({ machineId: machines.id, machineName: machines.name, seconds, sessions: count() })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(and(eq(usageSessions.personId, personId), isNull(usageSessions.flaggedReason)))
    .groupBy(machines.id, machines.name)
    .orderBy(machines.name);
  return rows.map((r) => ({ machineId: r.machineId, machineName: r.machineName, hours: Number(r.seconds ?? 0) / 3600, sessions: r.sessions }));
}

/** One page of a person's own sessions, newest first; flagged ones (not believed, see flag-session.ts) left out. */
export async function personUsagePage(db: Db, personId: number, page = 1) {
  const cond = and(eq(usageSessions.personId, personId), isNull(usageSessions.flaggedReason));
  const [total] = await db.select({ n: count() }).from(usageSessions).where(cond);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / PERSON_USAGE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await db
    .select({
      id: usageSessions.id,
      machineName: machines.name,
      startedAt: usageSessions.startedAt,
      durationSeconds: usageSessions.durationSeconds,
      recordedAs: usageSessions.recordedAs,
    })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(cond)
    .orderBy(desc(usageSessions.startedAt), desc(usageSessions.id))
    .limit(PERSON_USAGE_PAGE_SIZE)
    .offset((current - 1) * PERSON_USAGE_PAGE_SIZE);
  return { rows, total: total?.n ?? 0, page: current, pages };
}
