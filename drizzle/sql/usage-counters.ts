import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Keeps machine_usage_counters and plan_usage_counters (lib/db/schema/usage-counters.ts) equal to the sums over the
 * closed usage sessions, in the transaction that changes a session, whoever writes it. Statement-level triggers with
 * transition tables: a bulk insert (import, benchmark) aggregates once, a heartbeat (open session) costs two empty
 * scans of one-row tables. A flagged session (flagged_reason set: a board's implausible report) counts nowhere until
 * an admin accepts it (clears the flag): the update then adds it like a newly closed session. A plan's counter is recomputed when its start point moves (new intervention, edited plan);
 * that sums only the sessions of one machine once, on a write. Idempotent; applied after migrations.
 */
export const USAGE_COUNTERS: string[] = [
  // Adds (sign 1) or removes (sign -1) closed spans; the same clipping as reading from the sessions would apply.
  `create or replace function ms_usage_apply(ms integer[], ss timestamptz[], es timestamptz[], signs integer[]) returns void language sql as $$
     insert into machine_usage_counters as c (machine_id, closed_seconds, closed_sessions)
       select d.m, sum(d.sign * greatest(0, extract(epoch from d.e - d.s))), sum(d.sign)
       from unnest(ms, ss, es, signs) as d(m, s, e, sign) group by d.m
     on conflict (machine_id) do update set closed_seconds = c.closed_seconds + excluded.closed_seconds, closed_sessions = c.closed_sessions + excluded.closed_sessions;
     update plan_usage_counters p set closed_seconds = p.closed_seconds + x.delta
     from (select pc.plan_id, sum(d.sign * greatest(0, extract(epoch from d.e - greatest(d.s, pc.counted_from)))) as delta
           from unnest(ms, ss, es, signs) as d(m, s, e, sign)
           join plan_usage_counters pc on pc.machine_id = d.m and d.e > pc.counted_from
           group by pc.plan_id) x
     where p.plan_id = x.plan_id;
   $$`,
  `create or replace function ms_usage_sessions_counted() returns trigger language plpgsql as $$
   declare
     ms integer[]; ss timestamptz[]; es timestamptz[]; signs integer[];
   begin
     if tg_op = 'INSERT' then
       select array_agg(machine_id), array_agg(started_at), array_agg(ended_at), array_agg(1) into ms, ss, es, signs
       from new_rows where ended_at is not null and flagged_reason is null;
     elsif tg_op = 'DELETE' then
       select array_agg(machine_id), array_agg(started_at), array_agg(ended_at), array_agg(-1) into ms, ss, es, signs
       from old_rows where ended_at is not null and flagged_reason is null;
     else
       select array_agg(d.m), array_agg(d.s), array_agg(d.e), array_agg(d.sign) into ms, ss, es, signs from (
         select machine_id as m, started_at as s, ended_at as e, -1 as sign from old_rows where ended_at is not null and flagged_reason is null
         union all
         select machine_id, started_at, ended_at, 1 from new_rows where ended_at is not null and flagged_reason is null) d;
     end if;
     if ms is not null then perform ms_usage_apply(ms, ss, es, signs); end if;
     return null;
   end $$`,
  `create or replace function ms_plan_counter_refresh(pid integer) returns void language plpgsql as $$
   declare
     plan record;
     since timestamptz;
   begin
     select id, machine_id, created_at into plan from maintenance_plans where id = pid;
     if not found then return; end if;
     since := greatest(plan.created_at, coalesce((select max(done_at) from interventions where plan_id = pid), plan.created_at));
     insert into plan_usage_counters (plan_id, machine_id, counted_from, closed_seconds)
       values (pid, plan.machine_id, since, coalesce((
         select sum(greatest(0, extract(epoch from s.ended_at - greatest(s.started_at, since))))
         from usage_sessions s where s.machine_id = plan.machine_id and s.ended_at > since and s.flagged_reason is null), 0))
     on conflict (plan_id) do update set machine_id = excluded.machine_id, counted_from = excluded.counted_from, closed_seconds = excluded.closed_seconds;
   end $$`,
  `create or replace function ms_plan_counter_changed() returns trigger language plpgsql as $$
   begin
     if tg_table_name = 'maintenance_plans' then
       perform ms_plan_counter_refresh(new.id);
     else
       if tg_op <> 'INSERT' and old.plan_id is not null then perform ms_plan_counter_refresh(old.plan_id); end if;
       if tg_op <> 'DELETE' and new.plan_id is not null and (tg_op = 'INSERT' or new.plan_id is distinct from old.plan_id) then perform ms_plan_counter_refresh(new.plan_id); end if;
     end if;
     return null;
   end $$`,
  `create or replace function ms_usage_counters_rebuild() returns void language plpgsql as $$
   begin
     delete from machine_usage_counters;
     insert into machine_usage_counters (machine_id, closed_seconds, closed_sessions)
       select machine_id, sum(greatest(0, extract(epoch from ended_at - started_at))), count(*)
       from usage_sessions where ended_at is not null and flagged_reason is null group by machine_id;
     delete from plan_usage_counters;
     perform ms_plan_counter_refresh(id) from maintenance_plans;
   end $$`,
  `create or replace function ms_usage_sessions_truncated() returns trigger language plpgsql as $$
   begin
     perform ms_usage_counters_rebuild();
     return null;
   end $$`,
  ...["insert", "update", "delete"].flatMap((op) => {
    const rows = op === "insert" ? "new table as new_rows" : op === "delete" ? "old table as old_rows" : "old table as old_rows new table as new_rows";
    return [
      `drop trigger if exists ms_usage_counted_${op} on usage_sessions`,
      `create trigger ms_usage_counted_${op} after ${op} on usage_sessions referencing ${rows}
       for each statement execute function ms_usage_sessions_counted()`,
    ];
  }),
  `drop trigger if exists ms_usage_counted_truncate on usage_sessions`,
  `create trigger ms_usage_counted_truncate after truncate on usage_sessions for each statement execute function ms_usage_sessions_truncated()`,
  `drop trigger if exists ms_plan_counter on maintenance_plans`,
  `create trigger ms_plan_counter after insert or update of created_at, machine_id on maintenance_plans
   for each row execute function ms_plan_counter_changed()`,
  `drop trigger if exists ms_plan_counter on interventions`,
  `create trigger ms_plan_counter after insert or update of plan_id, done_at or delete on interventions
   for each row execute function ms_plan_counter_changed()`,
];

/**
 * Counters missing while there is something to count (a flagged session counts nowhere, so only closed unflagged
 * ones: else a space whose closed sessions are all flagged would be stale at every start): sessions that predate the counters, or rows loaded with the
 * triggers off (pg_restore --disable-triggers, session_replication_role = replica). Cheap (index probes and two
 * counts), so applyDatabaseCode's one start-up statement checks it too.
 */
export const usageCountersStale = sql`((exists (select 1 from usage_sessions where ended_at is not null and flagged_reason is null) and not exists (select 1 from machine_usage_counters))
    or (select count(*) from maintenance_plans) <> (select count(*) from plan_usage_counters))`;

/** Computes the counters once when they are stale, after USAGE_COUNTERS was applied. */
export async function rebuildStaleUsageCounters(tx: Db): Promise<void> {
  const [row] = await tx.execute<{ stale: boolean }>(sql`select ${usageCountersStale} as stale`);
  if (row?.stale) await rebuildUsageCounters(tx);
}

/** Recomputes every counter from the sessions (after a restore, which may load rows with triggers off). */
export async function rebuildUsageCounters(db: Db): Promise<void> {
  await db.execute(sql`select ms_usage_counters_rebuild()`);
}
