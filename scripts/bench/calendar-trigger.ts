/**
 * `npm run bench:calendar-trigger`: what the feeds' change marker and change log (drizzle/sql/feed-marker.ts, a
 * deferred trigger on every table a feed reads) cost each calendar write. The same writes are timed with the
 * trigger on and off, in pairs (in turn, order swapped, after warm-up; the trigger set and one write made untimed
 * before each timed one; the floor is the write without the trigger), at bench:calendar's 1,000 events with the change log full (1,000 markers kept, so every
 * write also trims it). Writes: one event's row updated (one trigger call, one marker bump, one log row), a saved
 * single event (the domain's saveEvent: event, room link, occurrence, audit) and a saved weekly series of 20
 * occurrences (one call per row written). On the embedded database in its own process by default; against
 * DATABASE_URL on a new database there (dropped afterwards). `npm run bench:calendar-trigger -- 30` sets the pairs.
 */
import { eq, sql } from "drizzle-orm";
import { FEED_TABLES } from "@/drizzle/sql/feed-marker";
import { createDb } from "@/lib/db/client";
import { events, profiles, rooms } from "@/lib/db/schema";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { openBenchDatabase } from "./bench-database";
import { seedBenchEvents } from "./calendar-seed";
import { loadLine, summarize } from "./stats";

const ROUNDS = Number(process.argv[2] ?? 30);
const bench = await openBenchDatabase(process.env.DATABASE_URL, 0);
const { db, close } = createDb(bench.url, { max: 2 });

/** Turns the marker's trigger on or off on every feed table (untimed, before each timed write). */
async function trigger(on: boolean): Promise<void> {
  for (const table of FEED_TABLES) await db.execute(sql.raw(`alter table ${table} ${on ? "enable always" : "disable"} trigger ms_feed_marker`));
}

try {
  console.log(`${bench.label}: seeding 1,000 events …`);
  await seedBenchEvents(db);
  const [{ admin }] = (await db.select({ admin: profiles.personId }).from(profiles).where(eq(profiles.email, "admin@makerspace.local"))) as [{ admin: number }];
  // Rooms of their own, so saved events never conflict: an hour long, 90 minutes apart (a weekly series meets none of the others).
  const [single, series] = await db
    .insert(rooms)
    .values([{ name: "Trigger bench single" }, { name: "Trigger bench series" }])
    .returning({ id: rooms.id });
  const [{ target }] = (await db.select({ target: events.id }).from(events).where(eq(events.title, "Event 500"))) as [{ target: number }];
  const [{ markers }] = (await db.execute<{ markers: number }>(
    sql`select count(distinct marker)::int as markers from ms_internal.feed_changes`,
  )) as unknown as [{ markers: number }];
  console.log(`change log: ${markers} markers kept`);
  let n = 0;
  const slot = (k: number) => new Date(Date.UTC(2030, 0, 7) + k * 5_400_000);
  const writes = {
    "UPDATE one event's title": () =>
      db
        .update(events)
        .set({ title: `Event 500 (${++n})` })
        .where(eq(events.id, target)),
    "saveEvent: a new single event": async () => {
      const startsAt = slot(++n);
      const saved = await saveEvent(db, admin, {
        title: `Trigger bench ${n}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        timeZone: "Europe/Vienna",
        visibility: "public",
        roomIds: [single!.id],
      });
      if (!saved.ok) throw new Error(saved.message);
    },
    "saveEvent: a new weekly series, 20 occurrences": async () => {
      const startsAt = slot(++n);
      const saved = await saveEvent(db, admin, {
        title: `Trigger bench series ${n}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        timeZone: "Europe/Vienna",
        visibility: "public",
        roomIds: [series!.id],
        recurrence: { freq: "weekly", count: 20, weekdays: [] },
      });
      if (!saved.ok) throw new Error(saved.message);
    },
  };
  // Pairs in turn, order swapped every round, the trigger set (untimed) before each timed write; garbage collected
  // first when run with --expose-gc (as the npm script does).
  const gc = (globalThis as { gc?: () => void }).gc;
  const timed = async (on: boolean, write: () => Promise<unknown>): Promise<number> => {
    await trigger(on);
    // ALTER TABLE drops the trigger function's cached plans: one write untimed plans them again, as a running
    // server has them.
    await write();
    gc?.();
    const started = performance.now();
    await write();
    return performance.now() - started;
  };
  const results = new Map<string, { samples: number[]; floor: number[] }>();
  for (const [label, write] of Object.entries(writes)) {
    const into = { samples: [] as number[], floor: [] as number[] };
    for (let round = -3; round < ROUNDS; round++) {
      const order = round % 2 ? [true, false] : [false, true];
      for (const on of order) {
        const took = await timed(on, write);
        if (round >= 0) (on ? into.samples : into.floor).push(took);
      }
    }
    results.set(label, into);
  }
  await trigger(true);
  // The trigger's own time as the database measures it (EXPLAIN ANALYZE, the trigger made immediate inside a
  // transaction that is rolled back): unlike the pairs above it holds no waiting for a core or the network.
  const triggerMs = async (statement: ReturnType<typeof sql>) =>
    db
      .transaction(async (tx) => {
        await tx.execute(sql`set constraints all immediate`);
        const [row] = (await tx.execute(sql`explain (analyze, format json) ${statement}`)) as unknown as [
          { "QUERY PLAN": [{ Triggers?: { "Trigger Name": string; Time: number; Calls: number }[] }] },
        ];
        const found = row["QUERY PLAN"][0]!.Triggers?.find((t) => t["Trigger Name"] === "ms_feed_marker");
        throw Object.assign(new Error("rollback"), { found });
      })
      .catch((error: { found?: { Time: number; Calls: number } }) => error.found);
  const inDatabase: Record<string, { Time: number; Calls: number }[]> = { update: [], occurrences: [] };
  for (let i = 0; i < ROUNDS; i++) {
    inDatabase.update!.push((await triggerMs(sql`update events set title = title || '.' where id = ${target}`))!);
    inDatabase.occurrences!.push(
      (await triggerMs(
        sql`insert into event_occurrences (event_id, starts_at, ends_at) select ${target}, t, t + interval '1 hour' from generate_series(timestamptz '2031-01-06 17:00Z', timestamptz '2031-05-19 17:00Z', interval '7 days') t`,
      ))!,
    );
  }
  console.log(`${bench.label}, ${ROUNDS} pairs, each write with the trigger beside the same write without it:`);
  for (const [label, { samples, floor }] of results) {
    const s = summarize(samples);
    const f = summarize(floor);
    console.log(
      `${label.padEnd(48)} with p50 ${s.p50.toFixed(2).padStart(7)} ms   without p50 ${f.p50.toFixed(2).padStart(7)} ms   cost ${(s.p50 - f.p50).toFixed(2).padStart(6)} ms (×${(s.p50 / f.p50).toFixed(2)})`,
    );
  }
  for (const [what, runs] of Object.entries({ "UPDATE one event (1 row)": inDatabase.update!, "INSERT 20 occurrences (a series)": inDatabase.occurrences! })) {
    const s = summarize(runs.map((r) => r.Time));
    console.log(
      `the trigger inside the database, ${what.padEnd(34)} p50 ${s.p50.toFixed(3)} ms for ${runs[0]!.Calls} calls (${(s.p50 / runs[0]!.Calls).toFixed(3)} ms a row)`,
    );
  }
  console.log(loadLine());
} finally {
  await close();
  await bench.close();
}
