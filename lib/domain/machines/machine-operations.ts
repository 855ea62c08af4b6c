import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boards, interventions, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { namesShownTo, shownNameOr, withShownNames } from "../people/shown-names";
import type { Viewer } from "../people/visibility";
import { machineUsageTotals } from "../usage/usage-counters";
import { flaggedCountOf } from "./flagged-usage";

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
  /** As the person lets the viewer see it (withShownNames). */
  personName: string;
  cardUid: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordedAs: string;
  endedBecause: string | null;
  /** Set when the board's report could not be true: the session counts nowhere until accepted. */
  flaggedReason: string | null;
}

/** One page of a machine's sessions, newest first, with the total for the pager. Uses (machine_id, started_at). */
export async function machineUsagePage(
  db: Db,
  viewer: Viewer,
  machineId: number,
  filter: UsageFilter = {},
): Promise<{ rows: UsageRow[]; total: number; page: number; pages: number }> {
  const where: SQL[] = [eq(usageSessions.machineId, machineId)];
  if (filter.personId) where.push(eq(usageSessions.personId, filter.personId));
  if (filter.from) where.push(gte(usageSessions.startedAt, filter.from));
  if (filter.to) where.push(lt(usageSessions.startedAt, filter.to));
  const cond = and(...where);
  // Unfiltered, the machine's session counter (which leaves flagged sessions out) and the few flagged ones answer
  // without counting a large machine's sessions one by one.
  const total =
    where.length === 1
      ? (await machineUsageTotals(db, machineId)).sessions + (await flaggedCountOf(db, machineId))
      : ((await db.select({ n: count() }).from(usageSessions).where(cond))[0]?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / USAGE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
  const rows = await db
    .select({
      id: usageSessions.id,
      personId: usageSessions.personId,
      cardUid: usageSessions.cardUid,
      startedAt: usageSessions.startedAt,
      endedAt: usageSessions.endedAt,
      durationSeconds: usageSessions.durationSeconds,
      recordedAs: usageSessions.recordedAs,
      endedBecause: usageSessions.endedBecause,
      flaggedReason: usageSessions.flaggedReason,
    })
    .from(usageSessions)
    .where(cond)
    .orderBy(desc(usageSessions.startedAt), desc(usageSessions.id))
    .limit(USAGE_PAGE_SIZE)
    .offset((page - 1) * USAGE_PAGE_SIZE);
  return { rows: await withShownNames(db, viewer, rows), total, page, pages };
}

/** The boards that reported for a machine, most recently heard first. */
export function machineBoards(db: Db, machineId: number) {
  return db.select().from(boards).where(eq(boards.machineId, machineId)).orderBy(desc(boards.lastSeenAt));
}

/** The latest interventions of a machine with the plan they were for and who did them (named as they let the viewer see). */
export async function machineInterventions(db: Db, viewer: Viewer, machineId: number, limit = 50) {
  const rows = await db
    .select({
      id: interventions.id,
      doneAt: interventions.doneAt,
      source: interventions.source,
      notes: interventions.notes,
      planText: maintenancePlans.lcdText,
      personId: interventions.personId,
    })
    .from(interventions)
    .leftJoin(maintenancePlans, eq(maintenancePlans.id, interventions.planId))
    .where(eq(interventions.machineId, machineId))
    .orderBy(desc(interventions.doneAt))
    .limit(limit);
  const names = await namesShownTo(
    db,
    viewer,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ({ ...r, personName: r.personId === null ? null : shownNameOr(names, r.personId) }));
}

/**
 * People who used a machine (`null`: any machine, the usage report's filter), for the person filter. A skip scan
 * over (machine_id, person_id), or (person_id, started_at) for every machine: one index probe per distinct person
 * instead of reading every session — the report's page asks this before its totals, which do read them.
 */
export async function machineUsers(db: Db, viewer: Viewer, machineId: number | null): Promise<{ personId: number; name: string }[]> {
  const onMachine = machineId === null ? sql`true` : sql`s.machine_id = ${machineId}`;
  const rows = await db.execute<{ person_id: number }>(sql`
    with recursive u(pid) as (
      (select s.person_id from usage_sessions s where ${onMachine} and s.person_id is not null and s.flagged_reason is null order by s.person_id limit 1)
      union all
      select (select s.person_id from usage_sessions s where ${onMachine} and s.person_id > u.pid and s.flagged_reason is null order by s.person_id limit 1)
      from u where u.pid is not null
    )
    select u.pid as person_id from u where u.pid is not null`);
  // Named and sorted by what the viewer may see: a hidden name is a number, and its place gives nothing away.
  const names = await namesShownTo(
    db,
    viewer,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => ({ personId: r.person_id, name: shownNameOr(names, r.person_id) })).sort((a, b) => a.name.localeCompare(b.name));
}
