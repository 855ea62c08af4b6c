import { and, asc, eq, inArray, isNull, lt, max, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { interventions, machines, maintenancePlans, usageSessions, type MaintenancePlan } from "@/lib/db/schema";
import { machineUsageTotals, planCounterHours } from "./usage-counters";

/**
 * Seconds a machine was in use between `since` and `now`, from its sessions: closed ones by their recorded span,
 * the open one up to now; a session straddling `since` counts only its part after it; a flagged one not at all. Sums every session: the
 * pages read the counters (usage-counters.ts) instead; this is the reference they must agree with.
 */
export async function secondsUsed(db: Db, machineId: number, since: Date | null, now = new Date()): Promise<number> {
  const from = since ?? new Date(0);
  const end = sql`least(coalesce(${usageSessions.endedAt}, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz)`;
  const start = sql`greatest(${usageSessions.startedAt}, ${from.toISOString()}::timestamptz)`;
  const [row] = await db
    .select({ seconds: sql<string>`coalesce(sum(greatest(0, extract(epoch from ${end} - ${start}))), 0)` })
    .from(usageSessions)
    .where(
      and(
        eq(usageSessions.machineId, machineId),
        isNull(usageSessions.flaggedReason),
        lt(usageSessions.startedAt, now),
        sql`coalesce(${usageSessions.endedAt}, ${now.toISOString()}::timestamptz) > ${from.toISOString()}::timestamptz`,
      ),
    );
  return Math.round(Number(row?.seconds ?? 0));
}

/** Cumulative hours of a machine (all its sessions), from the running counter. */
export async function machineHours(db: Db, machineId: number, now = new Date()): Promise<number> {
  return (await machineUsageTotals(db, machineId, now)).seconds / 3600;
}

export interface PlanStatus {
  plan: MaintenancePlan;
  /** The last intervention for the plan, or null (hours then count from the plan's creation). */
  lastDoneAt: Date | null;
  hoursSince: number;
  overdue: boolean;
}

/**
 * Every maintenance plan of a machine with the hours used since its last intervention. Hours count from the
 * plan's creation when it was never done, so a new plan on an old machine is not due at once. From the plan
 * counters, not by summing sessions: the broker asks this on every snapshot load and maintenance swipe.
 */
export async function maintenanceStatus(db: Db, machineId: number, now = new Date()): Promise<PlanStatus[]> {
  const plans = await db.select().from(maintenancePlans).where(eq(maintenancePlans.machineId, machineId)).orderBy(asc(maintenancePlans.id));
  if (plans.length === 0) return [];
  const done = await db
    .select({ planId: interventions.planId, at: max(interventions.doneAt) })
    .from(interventions)
    .where(
      and(
        inArray(
          interventions.planId,
          plans.map((p) => p.id),
        ),
        lt(interventions.doneAt, new Date(now.getTime() + 1)),
      ),
    )
    .groupBy(interventions.planId);
  const lastDone = new Map(done.map((d) => [d.planId, d.at]));
  const hours = new Map((await planCounterHours(db, { machineId, now })).map((h) => [h.planId, h.hoursSince]));
  return plans.map((plan) => {
    const hoursSince = hours.get(plan.id) ?? 0;
    return { plan, lastDoneAt: lastDone.get(plan.id) ?? null, hoursSince, overdue: hoursSince >= plan.everyHours };
  });
}

/** The overdue plans of a machine, most overdue first (the first one's LCD text is shown on the board). */
export async function overduePlans(db: Db, machineId: number, now = new Date()): Promise<PlanStatus[]> {
  const statuses = await maintenanceStatus(db, machineId, now);
  return statuses.filter((s) => s.overdue).sort((a, b) => b.hoursSince / b.plan.everyHours - a.hoursSince / a.plan.everyHours);
}

/** When a person last used any machine of an equipment type (for "expires after N months without use"); a flagged session is no use. */
export async function lastUsedAt(db: Db, personId: number, equipmentTypeId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(coalesce(${usageSessions.endedAt}, ${usageSessions.lastHeartbeatAt}))` })
    .from(usageSessions)
    .innerJoin(machines, eq(machines.id, usageSessions.machineId))
    .where(and(eq(usageSessions.personId, personId), eq(machines.equipmentTypeId, equipmentTypeId), isNull(usageSessions.flaggedReason)));
  return row?.at ? new Date(row.at) : null;
}
