/**
 * `npm run bench:usage`: server time (p50, p99) of the machine operations page's queries and of the live dashboard
 * (tiles + change marker) on an empty database and after bulk-inserting 1,000,000 usage sessions over 50 machines
 * (generate_series). Scratch database: a new one on DATABASE_URL's server when set (dropped afterwards), else the
 * embedded database in its own process.
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/lib/db/client";
import { dashboardMarker, loadDashboard } from "@/lib/domain/machines/dashboard";
import { machineBoards, machineInterventions, machineUsagePage, machineUsers } from "@/lib/domain/machines/machine-operations";
import { planHours } from "@/lib/domain/machines/plan-hours";
import type { Viewer } from "@/lib/domain/people/visibility";
import { machineHours } from "@/lib/domain/usage/machine-hours";
import { isMachineOnline } from "@/lib/domain/usage/record-board-alive";
import { BENCH_BOARD_BASE, openBenchDatabase } from "./bench-database";
import { ms, summarize } from "./stats";

const MACHINES = 50;
/** The operations page as the board sees it (names as they are). */
const BOARD_VIEWER: Viewer = { personId: null, permissions: new Set(["members.read"]) };
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await run(); // warm-up (plans, caches)
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** The same calls the machine page makes, in parallel as the page does. */
function machinePage(db: Db, machineId: number) {
  return Promise.all([
    machineHours(db, machineId),
    planHours(db, { machineId }),
    machineBoards(db, machineId),
    machineInterventions(db, BOARD_VIEWER, machineId),
    machineUsagePage(db, BOARD_VIEWER, machineId, { page: 3 }),
    machineUsers(db, BOARD_VIEWER, machineId),
    isMachineOnline(db, machineId),
  ]);
}

const dashboard = (db: Db) => Promise.all([loadDashboard(db), dashboardMarker(db)]);

const bench = await openBenchDatabase(process.env.DATABASE_URL, MACHINES);
const handle = createDb(bench.url, { max: 4 });
try {
  const db = handle.db;
  console.log(`bench:usage on ${bench.label}`);
  const ids = (await db.execute<{ id: number }>(sql`select id from machines where board_id >= ${BENCH_BOARD_BASE} order by id`)).map((r) => r.id);
  const target = ids[Math.floor(ids.length / 2)]!;
  await db.execute(sql`insert into maintenance_plans (machine_id, every_hours, lcd_text, created_at)
    select id, 200, 'Clean lens', now() - interval '10 years' from machines where board_id >= ${BENCH_BOARD_BASE}`);
  await db.execute(sql`insert into machine_presence (machine_id, last_heard_at) select id, now() from machines`);

  const empty = { page: await measure(() => machinePage(db, target)), dash: await measure(() => dashboard(db)) };

  const t0 = performance.now();
  // Per machine a run of 1 h sessions every 2 h ending before now: machine = i % 50, slot = i / 50.
  await db.execute(sql`
    with m as (select id, row_number() over (order by id) - 1 as k from machines where board_id >= ${BENCH_BOARD_BASE}),
         p as (select array_agg(c.person_id order by c.person_id) as ids, array_agg(c.uid order by c.person_id) as uids from cards c where c.state = 'active')
    insert into usage_sessions (machine_id, person_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, ended_because, last_heartbeat_at, heartbeats, opened_by_event_at)
    select m.id, p.ids[1 + g % array_length(p.ids, 1)], p.uids[1 + g % array_length(p.ids, 1)],
      now() - ((${SESSIONS / MACHINES} - g / ${MACHINES}) * interval '2 hours'),
      now() - ((${SESSIONS / MACHINES} - g / ${MACHINES}) * interval '2 hours') + interval '1 hour',
      3600, case when g % 97 = 0 then 'replayed' else 'live' end, 'stop',
      now() - ((${SESSIONS / MACHINES} - g / ${MACHINES}) * interval '2 hours') + interval '1 hour', 120,
      now() - ((${SESSIONS / MACHINES} - g / ${MACHINES}) * interval '2 hours')
    from generate_series(0, ${SESSIONS - 1}) g join m on m.k = g % ${MACHINES}, p`);
  await db.execute(sql`analyze`);
  console.log(`inserted ${SESSIONS.toLocaleString("en")} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const full = { page: await measure(() => machinePage(db, target)), dash: await measure(() => dashboard(db)) };
  const line = (label: string, e: { p50: number; p99: number }, f: { p50: number; p99: number }) =>
    console.log(
      `${label.padEnd(16)} empty p50 ${ms(e.p50)} p99 ${ms(e.p99)}   ${SESSIONS.toLocaleString("en")} sessions p50 ${ms(f.p50)} p99 ${ms(f.p99)}   (p50 ×${(f.p50 / e.p50).toFixed(2)})`,
    );
  line("machine page", empty.page, full.page);
  line("dashboard", empty.dash, full.dash);
  console.log("(above: worst case, every plan never done in 10 years of sessions; below: each plan done a week ago)");
  await db.execute(
    sql`insert into interventions (plan_id, machine_id, done_at, source) select id, machine_id, now() - interval '7 days', 'manual' from maintenance_plans`,
  );
  const done = { page: await measure(() => machinePage(db, target)), dash: await measure(() => dashboard(db)) };
  line("machine page", empty.page, done.page);
  line("dashboard", empty.dash, done.dash);
} finally {
  await handle.close();
  await bench.close();
}
