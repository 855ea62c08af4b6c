import { and, asc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { keysetAfter, keysetOrder, type KeyValue, type SortKey } from "@/lib/db/keyset";
import { machines, usageSessions } from "@/lib/db/schema";
import { addDays, parseDay, startOfDay } from "@/lib/time";
import { withShownNames } from "../people/shown-names";
import type { Viewer } from "../people/visibility";
import { optionalIdParam } from "../shared/ids";

const day = z.string().refine((v) => parseDay(v) !== null);
const filterSchema = z.object({
  person: optionalIdParam,
  machine: optionalIdParam,
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

/** A usage filter from query parameters; a malformed value is ignored rather than failing the page. */
export interface UsageReportFilter {
  personId?: number;
  machineId?: number;
  /** Inclusive: the start of the "from" day in the zone. */
  from?: Date;
  /** Exclusive: the start of the day after the "to" day. */
  to?: Date;
  /** The zone whose days and weeks the filter and the weekly hours mean (the space's; the API's days are UTC). */
  timeZone?: string;
}

export function parseUsageFilter(params: Record<string, string | undefined>, timeZone = "UTC"): UsageReportFilter {
  const p = filterSchema.parse({
    person: params.person || undefined,
    machine: params.machine || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  });
  return {
    personId: p.person,
    machineId: p.machine,
    from: p.from ? startOfDay(parseDay(p.from)!, timeZone) : undefined,
    to: p.to ? startOfDay(addDays(parseDay(p.to)!, 1), timeZone) : undefined,
    timeZone,
  };
}

/** A flagged session (a board's report that cannot be true) is in no report until accepted (operations page). */
function where(f: UsageReportFilter): SQL | undefined {
  const parts: SQL[] = [isNull(usageSessions.flaggedReason)];
  if (f.personId) parts.push(eq(usageSessions.personId, f.personId));
  if (f.machineId) parts.push(eq(usageSessions.machineId, f.machineId));
  if (f.from) parts.push(gte(usageSessions.startedAt, f.from));
  if (f.to) parts.push(lt(usageSessions.startedAt, f.to));
  return and(...parts);
}

// An anonymised session (retention purge) has no person: shown as a dash, its hours still count. Names are the
// viewer's to see (withShownNames): an operator is not the board.
/** Closed sessions by the board's duration; an open one counts up to now. */
const seconds = sql<string>`coalesce(${usageSessions.durationSeconds}, greatest(0, extract(epoch from now() - ${usageSessions.startedAt})))`;

export interface UsageReportRow {
  id: number;
  machineId: number;
  machineName: string;
  /** Null once the retention purge anonymised the session. */
  personId: number | null;
  personName: string;
  cardUid: string;
  startedAt: Date;
  /**
   * The start to the microsecond as the database holds it, in UTC ("2026-03-02T10:00:00.123456Z"): where a keyset
   * page ends (usageKeyOf). `startedAt` is a Date, which keeps milliseconds only: a key cut to them would skip the
   * rows started later within the same millisecond at a page edge.
   */
  startedAtKey: string;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordedAs: "live" | "replayed" | "reconstructed" | "manual";
}

/** Newest first; the id breaks ties so keyset pages are exact. */
const usageOrder: SortKey[] = [
  { expr: usageSessions.startedAt, dir: "desc" },
  { expr: usageSessions.id, dir: "desc" },
];

/** Where the next keyset page starts after this row. */
export const usageKeyOf = (r: Pick<UsageReportRow, "startedAtKey" | "id">): KeyValue[] => [r.startedAtKey, r.id];

const startedAtKey = sql<string>`to_char(${usageSessions.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The filtered sessions, newest first; `limit` for the page, none for an export; `after` (a usageKeyOf key) for
 * the API's keyset pages.
 */
export async function listUsage(
  db: Db,
  viewer: Viewer,
  f: UsageReportFilter,
  opts: { limit?: number; offset?: number; after?: KeyValue[] | null } = {},
): Promise<UsageReportRow[]> {
  const q = db
    .select({
      id: usageSessions.id,
      machineId: usageSessions.machineId,
      machineName: machines.name,
      personId: usageSessions.personId,
      cardUid: usageSessions.cardUid,
      startedAt: usageSessions.startedAt,
      startedAtKey,
      endedAt: usageSessions.endedAt,
      durationSeconds: usageSessions.durationSeconds,
      recordedAs: usageSessions.recordedAs,
    })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(opts.after ? and(where(f), keysetAfter(usageOrder, opts.after)) : where(f))
    .orderBy(...keysetOrder(usageOrder));
  return withShownNames(db, viewer, await (opts.limit ? q.limit(opts.limit).offset(opts.offset ?? 0) : q));
}

/**
 * The whole filtered list for an export, one keyset page at a time: memory stays at one page whatever the
 * number of sessions (an export of a million sessions must not take the web process's heap).
 */
export async function* usagePages(db: Db, viewer: Viewer, f: UsageReportFilter, pageSize = 2000): AsyncGenerator<UsageReportRow[]> {
  let after: KeyValue[] | null = null;
  for (;;) {
    const page = await listUsage(db, viewer, f, { limit: pageSize, after });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = usageKeyOf(page[page.length - 1]!);
  }
}

export interface UsageTotals {
  sessions: number;
  hours: number;
  byMachine: { machineId: number; name: string; sessions: number; hours: number }[];
  /** personId null: the anonymised sessions together. */
  byPerson: { personId: number | null; name: string; sessions: number; hours: number }[];
}

export async function usageTotals(db: Db, viewer: Viewer, f: UsageReportFilter): Promise<UsageTotals> {
  const [byMachine, byPerson] = await Promise.all([
    db
      .select({ machineId: machines.id, name: machines.name, sessions: sql<number>`count(*)::int`, secs: sql<string>`sum(${seconds})` })
      .from(usageSessions)
      .innerJoin(machines, eq(machines.id, usageSessions.machineId))
      .where(where(f))
      .groupBy(machines.id, machines.name)
      .orderBy(asc(machines.name)),
    db
      .select({ personId: usageSessions.personId, sessions: sql<number>`count(*)::int`, secs: sql<string>`sum(${seconds})` })
      .from(usageSessions)
      .where(where(f))
      .groupBy(usageSessions.personId),
  ]);
  const hours = (s: string | null) => Number(s ?? 0) / 3600;
  const m = byMachine.map((r) => ({ machineId: r.machineId, name: r.name, sessions: r.sessions, hours: hours(r.secs) }));
  return {
    sessions: m.reduce((a, r) => a + r.sessions, 0),
    hours: m.reduce((a, r) => a + r.hours, 0),
    byMachine: m,
    // Sorted by the name the viewer sees, so a hidden name's place gives nothing away.
    byPerson: (await withShownNames(db, viewer, byPerson))
      .map((r) => ({ personId: r.personId, name: r.personName, sessions: r.sessions, hours: hours(r.secs) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Hours per machine per ISO week (Monday, UTC) of the session's start, for the chart. */
export async function weeklyHours(db: Db, f: UsageReportFilter): Promise<{ week: string; machine: string; hours: number }[]> {
  const week = sql<string>`to_char(date_trunc('week', ${usageSessions.startedAt} at time zone ${f.timeZone ?? "UTC"}), 'YYYY-MM-DD')`;
  const rows = await db
    .select({ week, machine: machines.name, secs: sql<string>`sum(${seconds})` })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(where(f))
    .groupBy(sql`1`, machines.name)
    .orderBy(sql`1`, machines.name);
  return rows.map((r) => ({ week: r.week, machine: r.machine, hours: Number(r.secs ?? 0) / 3600 }));
}
