import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export interface PlanHoursRow {
  planId: number;
  machineId: number;
  everyHours: number;
  lcdText: string;
  /** Hours count from here: the last intervention, or the plan's creation. */
  since: Date;
  hoursSince: number;
  overdue: boolean;
}

/**
 * Hours since the last intervention for many plans in one query, the same rule as usage/machine-hours.ts
 * (maintenanceStatus) but without a query per plan. Sessions of one machine follow each other, so besides the
 * sessions started after `since` only the last one started before it can reach past it: both are index range
 * scans on (machine_id, started_at), which keeps this fast with millions of sessions.
 */
export async function planHours(db: Db, opts: { machineId?: number; now?: Date } = {}): Promise<PlanHoursRow[]> {
  const now = (opts.now ?? new Date()).toISOString();
  const filter = opts.machineId === undefined ? sql`true` : sql`mp.machine_id = ${opts.machineId}`;
  const rows = await db.execute<{ id: number; machine_id: number; every_hours: number; lcd_text: string; since: string | Date; hours: string }>(sql`
    with p as (
      select mp.id, mp.machine_id, mp.every_hours, mp.lcd_text,
        greatest(mp.created_at, coalesce((select max(i.done_at) from interventions i where i.plan_id = mp.id and i.done_at <= ${now}::timestamptz), mp.created_at)) as since
      from maintenance_plans mp where ${filter}
    )
    select p.id, p.machine_id, p.every_hours, p.lcd_text, p.since,
      (coalesce((select sum(greatest(0, extract(epoch from least(coalesce(s.ended_at, ${now}::timestamptz), ${now}::timestamptz) - s.started_at)))
          from usage_sessions s where s.machine_id = p.machine_id and s.started_at >= p.since and s.started_at < ${now}::timestamptz), 0)
       + coalesce((select greatest(0, extract(epoch from least(coalesce(s.ended_at, ${now}::timestamptz), ${now}::timestamptz) - p.since))
          from usage_sessions s where s.machine_id = p.machine_id and s.started_at < p.since order by s.started_at desc limit 1), 0)
      ) / 3600.0 as hours
    from p order by p.machine_id, p.id`);
  return rows.map((r) => {
    const hoursSince = Number(r.hours);
    return { planId: r.id, machineId: r.machine_id, everyHours: r.every_hours, lcdText: r.lcd_text, since: new Date(r.since), hoursSince, overdue: hoursSince >= r.every_hours };
  });
}
