import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";

/*
 * Hours from the running counters (lib/db/schema/usage-counters.ts, kept by database triggers) plus the machine's
 * open session up to `now`: a primary-key lookup and a partial-index lookup, however many sessions there are.
 * Closed sessions count in full whatever `now` is (they are in the past); machine-hours.ts secondsUsed() is the
 * same rule summed over the sessions, which the tests compare against.
 */

/** Seconds of all sessions of a machine and how many there are (the open one included); flagged ones count nowhere. */
export async function machineUsageTotals(db: Db, machineId: number, now = new Date()): Promise<{ seconds: number; sessions: number }> {
  const at = now.toISOString();
  const [row] = await db.execute<{ seconds: string; sessions: number }>(sql`select
      coalesce((select closed_seconds from machine_usage_counters where machine_id = ${machineId}), 0)
        + coalesce((select greatest(0, extract(epoch from ${at}::timestamptz - started_at)) from usage_sessions
                    where machine_id = ${machineId} and ended_at is null and flagged_reason is null and started_at < ${at}::timestamptz), 0) as seconds,
      coalesce((select closed_sessions from machine_usage_counters where machine_id = ${machineId}), 0)
        + (select count(*)::int from usage_sessions where machine_id = ${machineId} and ended_at is null and flagged_reason is null) as sessions`);
  return { seconds: Math.round(Number(row?.seconds ?? 0)), sessions: Number(row?.sessions ?? 0) };
}

export interface PlanCounterRow {
  planId: number;
  machineId: number;
  everyHours: number;
  lcdText: string;
  /** Hours count from here: the last intervention, or the plan's creation. */
  since: Date;
  hoursSince: number;
}

/** Every plan (of one machine, or all) with the hours since its last intervention, in one query. */
export async function planCounterHours(db: Db, opts: { machineId?: number; now?: Date } = {}): Promise<PlanCounterRow[]> {
  const now = (opts.now ?? new Date()).toISOString();
  const filter = opts.machineId === undefined ? sql`true` : sql`mp.machine_id = ${opts.machineId}`;
  // Named: one round trip instead of two (the start page and the machines dashboard ask on every request).
  const rows = await executePrepared<{ id: number; machine_id: number; every_hours: number; lcd_text: string; since: string | Date; seconds: string }>(
    db,
    "plan_counter_hours",
    sql`
    select mp.id, mp.machine_id, mp.every_hours, mp.lcd_text, coalesce(pc.counted_from, mp.created_at) as since,
      coalesce(pc.closed_seconds, 0)
        -- greatest() skips nulls: without an open session there is nothing to add.
        + case when o.started_at is null then 0
          else greatest(0, extract(epoch from ${now}::timestamptz - greatest(o.started_at, coalesce(pc.counted_from, mp.created_at)))) end as seconds
    from maintenance_plans mp
    left join plan_usage_counters pc on pc.plan_id = mp.id
    left join usage_sessions o on o.machine_id = mp.machine_id and o.ended_at is null and o.flagged_reason is null and o.started_at < ${now}::timestamptz
    where ${filter}
    order by mp.machine_id, mp.id`,
  );
  return rows.map((r) => ({
    planId: r.id,
    machineId: r.machine_id,
    everyHours: r.every_hours,
    lcdText: r.lcd_text,
    since: new Date(r.since),
    hoursSince: Number(r.seconds) / 3600,
  }));
}
