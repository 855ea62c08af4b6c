/**
 * `npm run bench:calendar`: server time of the public iCal feed with 1,000 events and of the month view's query,
 * on the embedded database (PGlite, what `npm start` runs). Prints p50/p99 over repeated runs. "Cold" is a client
 * without a copy (no If-None-Match) while the events did not change: the feed built at the last change is served;
 * "after a change" is the UPDATE of one event and the next request: the kept feed made again from the change log
 * (the changed event read and rendered, the others' bytes reused), in each format. Each case is measured in pairs
 * with its floor, the 304 answer (pairedWithFloor), and printed with its CPU time (this process, the embedded
 * database included): under load the wall time is mostly waiting for a core. Run with --expose-gc (as the npm
 * script does) so no run pays for another's garbage. `npm run bench:calendar -- 20` sets the runs.
 * Data: 10 rooms, 900 single events over ±6 months and 100 weekly series of 20 occurrences, all public.
 *
 * Which "cold" is which: "first request after start" is one sample, the process's first feed request (code not yet
 * optimized, statements not prepared, nothing kept); "nothing kept" is the feed built whole in a warm process (the
 * cache emptied: after start, or after a change it cannot patch, such as the space's name); "after one event
 * changed" is the first request after an ordinary change (issue 20's "cold"). Planner statistics: the embedded
 * database runs no autovacuum; the app analyzes after install, restore and nightly (db-maintenance.ts), so the
 * figures are printed twice, before the first ANALYZE (a database loaded since its last one) and after.
 */
import { eq } from "drizzle-orm";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { runMigrations } from "@/drizzle/migrate";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { events } from "@/lib/db/schema";
import { analyzeDatabase } from "@/lib/ops/db-maintenance";
import { calendarItems } from "@/lib/domain/calendar/calendar-queries";
import { cachedPublicFeed, cachedRoomFeed } from "@/lib/domain/calendar/cached-feeds";
import { clearCachedFeeds } from "@/lib/domain/calendar/feed-cache";
import { publicFeed } from "@/lib/domain/calendar/public-feed";
import type { FeedFormat } from "@/lib/domain/calendar/feed-formats";
import { feedResponse } from "@/lib/domain/calendar/feed-response";
import { clearRenderedFeeds } from "@/lib/domain/calendar/feed-render-cache";
import type { Feed } from "@/lib/domain/calendar/ical-feed";
import { seedBenchEvents } from "./calendar-seed";
import { loadLine, pairedWithFloor, summarize } from "./stats";

const RUNS = Number(process.argv[2] ?? 30);
const embedded = await startEmbeddedPostgres();
const { db, close } = createDb(embedded.url, { max: 5 });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: JIT and the database's caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(46)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(7)} ms   (${RUNS} runs)`,
  );
}

try {
  await runMigrations(db);
  await ensureReferenceData(db);
  console.log("Seeding 1,000 public events …");
  const roomIds = await seedBenchEvents(db);
  const now = new Date();
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 17);
  const ctx = { host: "bench.makerspace", baseUrl: "http://localhost:3000" };
  const room = roomIds[0]!;
  const [{ firstEvent }] = (await db.select({ firstEvent: events.id }).from(events).where(eq(events.title, "Event 500"))) as [{ firstEvent: number }];
  const get = async (load: () => Promise<Feed | null>, format: FeedFormat = "ics", headers: Record<string, string> = {}) => {
    const response = feedResponse(new Request("http://x/calendar.ics", { headers }), (await load())!, format);
    await response.arrayBuffer();
  };
  // Served as the route serves it: built once per change (cached-feeds.ts), the change marker read per request.
  const publicServed = () => cachedPublicFeed(db, ctx);
  const timedOnce = async (run: () => Promise<unknown>) => {
    const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
    await run();
    const cpuUsed = process.cpuUsage(cpuBefore);
    return `${(performance.now() - started).toFixed(1)} ms (CPU ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(1)} ms)`;
  };
  console.log(`first request after start, no statistics yet (one sample: code cold, statements unprepared, nothing kept):`);
  console.log(
    `  GET /calendar.ics ${await timedOnce(() => get(publicServed))}, then GET room feed ${await timedOnce(() => get(() => cachedRoomFeed(db, room, ctx)))}`,
  );
  const feed = await publicFeed(db, ctx);
  console.log(`public feed: ${(feed.body().length / 1024).toFixed(0)} KiB, ${(feed.body().match(/BEGIN:VEVENT/g) ?? []).length} VEVENTs`);
  const notModified = async () => {
    const current = (await publicServed())!;
    const response = feedResponse(new Request("http://x/calendar.ics", { headers: { "if-none-match": current.etag } }), current);
    if (response.status !== 304) throw new Error(`expected 304, got ${response.status}`);
  };
  const changed = events.id;
  const oneEventChanged = (format: FeedFormat) => async () => {
    await db.update(events).set({ updatedAt: new Date() }).where(eq(changed, firstEvent));
    await get(publicServed, format);
  };
  const cold = (load: () => Promise<Feed | null>, format?: FeedFormat) => () => {
    clearCachedFeeds(db);
    clearRenderedFeeds();
    return get(load, format);
  };
  const unanalyzed = [
    { label: "GET /calendar.ics, nothing kept, no statistics", run: cold(publicServed) },
    { label: "GET room feed (.ics), nothing kept, no stat.", run: cold(() => cachedRoomFeed(db, room, ctx)) },
  ];
  const cases = [
    { label: "GET /calendar.ics kept, nothing changed", run: () => get(publicServed) },
    { label: "GET /calendar.json kept, nothing changed", run: () => get(publicServed, "json") },
    { label: "GET /calendar.ics after one event changed", run: oneEventChanged("ics") },
    { label: "GET /calendar.json after one event changed", run: oneEventChanged("json") },
    { label: "GET /calendar.xml after one event changed", run: oneEventChanged("xml") },
    { label: "GET /calendar.ics, nothing kept", run: cold(publicServed) },
    { label: "GET /calendar.json, nothing kept", run: cold(publicServed, "json") },
    { label: "GET /calendar.xml, nothing kept", run: cold(publicServed, "xml") },
    { label: "GET room feed (.ics), nothing kept", run: cold(() => cachedRoomFeed(db, room, ctx)) },
    { label: "the public feed's queries alone", run: () => publicFeed(db, ctx) },
  ];
  // Each case beside its own floor, the 304 answer to a client whose copy is current (pairedWithFloor in stats.ts:
  // pairs in turn, order swapped, garbage of earlier runs collected first). Before every timed run the public feed
  // and its JSON twin are served once untimed, so every run starts from a built feed, as a running server has.
  // The CPU time of each run beside its wall time: on a shared machine the wall time is mostly waiting for a core.
  // The embedded database runs in this process, so its work is counted too.
  const cpu = new Map<string, number[]>();
  const withCpu = (list: typeof cases) =>
    list.map((c) => ({
      label: c.label,
      run: async () => {
        const before = process.cpuUsage();
        await c.run();
        const used = process.cpuUsage(before);
        cpu.set(c.label, [...(cpu.get(c.label) ?? []), (used.user + used.system) / 1000]);
      },
    }));
  const gcNote = (globalThis as { gc?: unknown }).gc ? "collected before each run" : "no --expose-gc: garbage not collected between runs";
  const paired = async (heading: string, list: typeof cases) => {
    const results = await pairedWithFloor(notModified, withCpu(list), {
      rounds: RUNS,
      warmup: 3,
      settle: () => Promise.all([get(publicServed), get(publicServed, "json")]),
    });
    console.log(`${heading}, each case against the 304 floor measured beside it (${RUNS} pairs, ${gcNote}):`);
    for (const [label, { samples, floor }] of results) {
      const s = summarize(samples);
      const f = summarize(floor);
      console.log(
        `${label.padEnd(46)} p50 ${s.p50.toFixed(1).padStart(7)} ms   p99 ${s.p99.toFixed(1).padStart(7)} ms   floor p50 ${f.p50.toFixed(2).padStart(6)} ms   ×${(s.p50 / f.p50).toFixed(1).padEnd(6)} CPU p50 ${summarize(cpu.get(label)!.slice(-RUNS)).p50.toFixed(1).padStart(6)} ms`,
      );
    }
    console.log(loadLine());
  };
  await paired("before the first ANALYZE (loaded since)", unanalyzed);
  // What install, restore and the nightly maintenance job do (lib/ops/db-maintenance.ts, database-maintenance-job.ts).
  await analyzeDatabase(db);
  await paired("after ANALYZE, as a running space has", cases);
  const from = new Date(base - 7 * 86_400_000);
  const to = new Date(base + 35 * 86_400_000);
  const items = await calendarItems(db, { from, to, includeMembersOnly: true });
  console.log(`month view: ${items.length} items in six weeks`);
  await measure("month view query (members, all rooms)", () => calendarItems(db, { from, to, includeMembersOnly: true }));
  await measure("month view query (one room)", () => calendarItems(db, { from, to, includeMembersOnly: true, roomId: roomIds[0]! }));
} finally {
  await close();
  await embedded.stop();
}
