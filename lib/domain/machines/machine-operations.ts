import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boards, interventions, maintenancePlans, profiles, usageSessions } from "@/lib/db/schema";
import { machineUsageTotals } from "../usage/usage-counters";

export const USAGE_PAGE_SIZE = 25;

export interface UsageFilter {
  personId?: number;
  /** Sessions started on or after this instant. */
  from?: Date;
  /** Sessions started before this instant. */
  to?: Date;
  /** 1-based. */
  page?: number;
}

export interface UsageRow {
  id: number;
  /** Null once anonymised by the retention purge. */
  personId: number | null;
  personName: string;
  cardUid: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordedAs: string;
  endedBecause: string | null;
}

/** One page of a machine's sessions, newest first, with the total for the pager. Uses (machine_id, started_at). */
export async function machineUsagePage(db: Db, machineId: number, filter: UsageFilter = {}): Promise<{ rows: UsageRow[]; total: number; page: number; pages: number }> {
  const where: SQL[] = [eq(usageSessions.machineId, machineId)];
  if (filter.personId) where.push(eq(usageSessions.personId, filter.personId));
  if (filter.from) where.push(gte(usageSessions.startedAt, filter.from));
  if (filter.to) where.push(lt(usageSessions.startedAt, filter.to));
  const cond = and(...where);
  // Unfiltered, the machine's session counter answers without counting a large machine's sessions one by one.
  const total = where.length === 1 ? (await machineUsageTotals(db, machineId)).sessions : ((await db.select({ n: count() }).from(usageSessions).where(cond))[0]?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / USAGE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
  const rows = await db
    .select({
      id: usageSessions.id,
      personId: usageSessions.personId,
      personName: sql<string>`coalesce(nullif(trim(${profiles.firstName} || ' ' || ${profiles.lastName}), ''), '#' || ${usageSessions.personId}, '—')`,
      cardUid: usageSessions.cardUid,
      startedAt: usageSessions.startedAt,
      endedAt: usageSessions.endedAt,
      durationSeconds: usageSessions.durationSeconds,
      recordedAs: usageSessions.recordedAs,
      endedBecause: usageSessions.endedBecause,
    })
    .from(usageSessions)
    .leftJoin(profiles, eq(profiles.personId, usageSessions.personId))
    .where(cond)
    .orderBy(desc(usageSessions.startedAt), desc(usageSessions.id))
    .limit(USAGE_PAGE_SIZE)
    .offset((page - 1) * USAGE_PAGE_SIZE);
  return { rows, total, page, pages };
}

/** The boards that reported for a machine, most recently heard first. */
export function machineBoards(db: Db, machineId: number) {
  return db.select().from(boards).where(eq(boards.machineId, machineId)).orderBy(desc(boards.lastSeenAt));
}

/** The latest interventions of a machine with the plan they were for and who did them. */
export function machineInterventions(db: Db, machineId: number, limit = 50) {
  return db
    .select({
      id: interventions.id,
      doneAt: interventions.doneAt,
      source: interventions.source,
      notes: interventions.notes,
      planText: maintenancePlans.lcdText,
      personName: sql<string | null>`nullif(trim(${profiles.firstName} || ' ' || ${profiles.lastName}), '')`,
    })
    .from(interventions)
    .leftJoin(maintenancePlans, eq(maintenancePlans.id, interventions.planId))
    .leftJoin(profiles, eq(profiles.personId, interventions.personId))
    .where(eq(interventions.machineId, machineId))
    .orderBy(desc(interventions.doneAt))
    .limit(limit);
}

/**
 * People who used a machine, for the person filter. A skip scan over (machine_id, person_id): one index probe per
 * distinct person instead of reading every session of the machine.
 */
export async function machineUsers(db: Db, machineId: number): Promise<{ personId: number; firstName: string | null; lastName: string | null }[]> {
  const rows = await db.execute<{ person_id: number; first_name: string | null; last_name: string | null }>(sql`
    with recursive u(pid) as (
      (select person_id from usage_sessions where machine_id = ${machineId} and person_id is not null order by person_id limit 1)
      union all
      select (select s.person_id from usage_sessions s where s.machine_id = ${machineId} and s.person_id > u.pid order by s.person_id limit 1)
      from u where u.pid is not null
    )
    select u.pid as person_id, p.first_name, p.last_name from u left join profiles p on p.person_id = u.pid
    where u.pid is not null order by p.last_name, p.first_name`);
  return rows.map((r) => ({ personId: r.person_id, firstName: r.first_name, lastName: r.last_name }));
}
