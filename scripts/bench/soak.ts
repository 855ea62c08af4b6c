/**
 * `npm run bench:soak`: is the web server's live JS heap flat? Runs the built web server as `npm start` runs it
 * (probed-web-server.ts: compiled, the web's V8 flags and heap cap) on the embedded database with the demo data and
 * measures its heap after a full garbage collection every 2,000 requests: first over /api/health (the floor: no
 * page rendered), then over /login alone, then over mixed pages (public, a member's, an admin's; logged in).
 * Prints each phase's heap at start, middle and end and a verdict: flat when the heap's slope over the second half
 * (after caches have filled) is at most FLAT_KB_PER_REQUEST — the leak issue 20 found was ~40 KB per request.
 * Exits 1 when a phase grows. `npm run bench:soak -- 20000` sets the requests per phase; `-- 20000 login mixed`
 * runs only the phases named (health, login, mixed).
 */
import { startProbedWebServer } from "./probed-web-server";
import { soakArgs, type SoakPhase } from "./soak-args";
import { mb, loadLine } from "./stats";
import { ADMIN_PAGES, MEMBER_PAGES, PUBLIC_PAGES, hit, login } from "./web-load";

let args: ReturnType<typeof soakArgs>;
try {
  args = soakArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const PER_PHASE = args.perPhase;
/** Phases to run (all when none are named): `npm run bench:soak -- 20000 mixed` runs the mixed pages alone. */
const runs = (name: SoakPhase) => args.phases.has(name);
const STEP = Math.min(2_000, Math.max(1, Math.floor(PER_PHASE / 10)));
const PASSWORD = "bench-demo-password";

const server = await startProbedWebServer({ probe: "heap-probe.cjs", name: "soak", demoPassword: PASSWORD });
const port = server.port;
const heap = () => server.ask<NodeJS.MemoryUsage>("heap");

/** Slope (bytes per request) the heap may keep over a phase's second half and still be flat: 5 MB per 10,000. */
const FLAT_KB_PER_REQUEST = 0.5;

interface PhaseResult {
  label: string;
  start: number;
  middle: number;
  end: number;
  /** Least-squares slope of the heap over the second half, bytes per request. */
  slope: number;
}

async function phase(label: string, requests: { path: string; cookie?: string }[]): Promise<PhaseResult> {
  await hit(port, requests, 200); // warm-up: compiled code and caches
  const first = await heap();
  const samples: [number, number][] = [[0, first.heapUsed]];
  console.log(`\n${label}: ${PER_PHASE} requests, heap after full GC every ${STEP}`);
  console.log(`  ${"0".padStart(6)}  heap ${mb(first.heapUsed).padStart(7)}  rss ${mb(first.rss).padStart(7)}`);
  for (let done = STEP; done <= PER_PHASE; done += STEP) {
    const { seconds, failed, failures } = await hit(port, requests, STEP);
    const now = await heap();
    samples.push([done, now.heapUsed]);
    console.log(
      `  ${String(done).padStart(6)}  heap ${mb(now.heapUsed).padStart(7)}  rss ${mb(now.rss).padStart(7)}  external ${mb(now.external).padStart(6)}  ${(STEP / seconds).toFixed(1)}/s${failed ? `  ${failed} failed: ${[...failures].map(([k, n]) => `${k} ×${n}`).join(", ")}` : ""}`,
    );
  }
  const half = samples.filter(([done]) => done >= PER_PHASE / 2);
  const result = { label, start: first.heapUsed, middle: half[0]![1], end: samples.at(-1)![1], slope: slope(half) };
  console.log(`  second half: ${(result.slope / 1024).toFixed(3)} KB of heap per request   ${loadLine()}`);
  return result;
}

function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
}

try {
  const member = await login(port, "member@makerspace.local", PASSWORD);
  const admin = await login(port, "admin@makerspace.local", PASSWORD);
  const results: PhaseResult[] = [];
  if (runs("health")) results.push(await phase("floor: /api/health", [{ path: "/api/health" }]));
  if (runs("login")) results.push(await phase("/login", [{ path: "/login" }]));
  if (runs("mixed"))
    results.push(
      await phase("mixed pages (public, member, admin)", [
        ...PUBLIC_PAGES.map((p) => ({ path: p })),
        ...MEMBER_PAGES.map((p) => ({ path: p, cookie: member })),
        ...ADMIN_PAGES.map((p) => ({ path: p, cookie: admin })),
      ]),
    );
  console.log(`\nheap after full GC (start / middle / end of ${PER_PHASE} requests), slope over the second half:`);
  for (const r of results) {
    const flat = r.slope / 1024 <= FLAT_KB_PER_REQUEST;
    if (!flat) process.exitCode = 1;
    console.log(
      `  ${r.label.padEnd(38)} ${mb(r.start).padStart(7)} / ${mb(r.middle).padStart(7)} / ${mb(r.end).padStart(7)}   ${(r.slope / 1024).toFixed(3).padStart(7)} KB/request   ${flat ? "flat" : `GROWS (over ${FLAT_KB_PER_REQUEST} KB/request)`}`,
    );
  }
} finally {
  await server.stop();
}
