/**
 * `npm run bench:soak`: is the web server's live JS heap flat? Runs the built web server (scripts/web/web-server.ts)
 * on the embedded database with the demo data and measures its heap after a full garbage collection every 2,000
 * requests: first over /api/health (the floor: no page rendered), then over /login alone, then over mixed pages
 * logged in. Prints each phase's growth per request. `npm run bench:soak -- 20000` sets the requests per phase.
 */
import { startProbedWebServer } from "./probed-web-server";
import { mb, loadLine } from "./stats";
import { ADMIN_PAGES, MEMBER_PAGES, PUBLIC_PAGES, hit, login } from "./web-load";

const PER_PHASE = Number(process.argv[2] ?? 20_000);
const STEP = Math.min(2_000, PER_PHASE);
const PASSWORD = "bench-demo-password";

const server = await startProbedWebServer({ probe: "heap-probe.cjs", name: "soak", demoPassword: PASSWORD });
const port = server.port;
const heap = () => server.ask<NodeJS.MemoryUsage>("heap");

async function phase(label: string, requests: { path: string; cookie?: string }[]): Promise<number> {
  await hit(port, requests, 200); // warm-up: compiled code and caches
  const first = await heap();
  let last = first;
  console.log(`\n${label}: ${PER_PHASE} requests, heap after full GC every ${STEP}`);
  console.log(`  ${"0".padStart(6)}  heap ${mb(first.heapUsed).padStart(7)}  rss ${mb(first.rss).padStart(7)}`);
  for (let done = STEP; done <= PER_PHASE; done += STEP) {
    const { seconds } = await hit(port, requests, STEP);
    last = await heap();
    console.log(
      `  ${String(done).padStart(6)}  heap ${mb(last.heapUsed).padStart(7)}  rss ${mb(last.rss).padStart(7)}  external ${mb(last.external).padStart(6)}  ${(STEP / seconds).toFixed(1)}/s`,
    );
  }
  const perRequest = (last.heapUsed - first.heapUsed) / PER_PHASE;
  console.log(`  growth: ${(perRequest / 1024).toFixed(2)} KB of heap per request   ${loadLine()}`);
  return perRequest;
}

try {
  const member = await login(port, "member@makerspace.local", PASSWORD);
  const admin = await login(port, "admin@makerspace.local", PASSWORD);
  const floor = await phase("floor: /api/health", [{ path: "/api/health" }]);
  const loginPage = await phase("/login", [{ path: "/login" }]);
  const mixed = await phase("mixed pages (public, member, admin)", [
    ...PUBLIC_PAGES.map((p) => ({ path: p })),
    ...MEMBER_PAGES.map((p) => ({ path: p, cookie: member })),
    ...ADMIN_PAGES.map((p) => ({ path: p, cookie: admin })),
  ]);
  console.log(
    `\nheap growth per request: floor ${(floor / 1024).toFixed(2)} KB, /login ${(loginPage / 1024).toFixed(2)} KB, mixed ${(mixed / 1024).toFixed(2)} KB`,
  );
} finally {
  await server.stop();
}
