/**
 * `npm run bench:page-queries -- member:/bookings admin:/admin/system visitor:/`: what one request of a page asks the
 * database, at bench:pages' data size (10,000 people, 1,000 events). Runs the built web server (`npm run build`
 * first) on the embedded database and reads its session holds (wire-server.ts onHold: every statement outside a
 * transaction, or a whole transaction, that held PGlite's one session): per page the statements, the time they held
 * the session and the same statements grouped, the most frequent first — an N+1 shows as one statement many times.
 * The trivial page (/forgot-password: the layout's own statements) is printed first for each visitor.
 */
import type { HoldReport } from "@/lib/db/embedded/hold-report";
import { analyzeDatabase } from "@/lib/ops/db-maintenance";
import { seedBenchEvents } from "./calendar-seed";
import { seedBenchPeople } from "./people-seed";
import { startProbedWebServer } from "./probed-web-server";
import { loadLine } from "./stats";
import { login } from "./web-load";

const PASSWORD = "bench-demo-password";
const TRIVIAL = "/forgot-password";
const asked = process.argv.slice(2).map((a) => {
  const [who, page] = a.includes(":/") ? [a.slice(0, a.indexOf(":/")), a.slice(a.indexOf(":/") + 1)] : ["visitor", a];
  if (!["visitor", "member", "admin"].includes(who!)) throw new Error(`${a}: visitor:, member: or admin: before the page`);
  return { who: who!, page: page! };
});

let holds: HoldReport[] = [];
const server = await startProbedWebServer({
  probe: "heap-probe.cjs",
  name: "page-queries",
  demoPassword: PASSWORD,
  seed: async (db) => {
    await seedBenchPeople(db, 10_000);
    await seedBenchEvents(db);
    // Statistics as a running space has them (a fresh install is analyzed, then the daily database-maintenance job):
    // seedBenchPeople analyzed before the events, so the planner saw an empty events table and the start page's
    // next five events took a nested loop over all 1,000 (6–10 ms instead of 0.2 ms).
    await analyzeDatabase(db);
  },
  onHold: (hold) => holds.push(hold),
});

async function once(path: string, cookie?: string): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes, status: response.status };
}

try {
  const cookies: Record<string, string | undefined> = {
    visitor: undefined,
    member: await login(server.port, "member@makerspace.local", PASSWORD),
    admin: await login(server.port, "admin@makerspace.local", PASSWORD),
  };
  const shown = new Set<string>();
  for (const { who, page } of asked.flatMap((a) => (shown.has(a.who) ? [a] : (shown.add(a.who), [{ who: a.who, page: TRIVIAL }, a])))) {
    const cookie = cookies[who];
    for (let i = 0; i < 3; i++) await once(page, cookie); // warm-up: compiled route, caches
    await new Promise((r) => setTimeout(r, 300)); // lets holds of earlier requests (and background work) report
    holds = [];
    const { ms, bytes, status } = await once(page, cookie);
    await new Promise((r) => setTimeout(r, 300));
    const mine = holds;
    const statements = mine.flatMap((h) => dedupe(h.statements));
    const heldMs = mine.reduce((n, h) => n + h.ms, 0);
    console.log(
      `\n${who} ${page}: ${status}, ${ms.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB — ${mine.length} holds, ${statements.length} statements, session held ${heldMs} ms`,
    );
    const grouped = new Map<string, number>();
    for (const s of statements) grouped.set(s, (grouped.get(s) ?? 0) + 1);
    for (const [s, n] of [...grouped].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}× ${s}`);
    const slow = [...mine].sort((a, b) => b.ms - a.ms).slice(0, 3);
    for (const h of slow)
      console.log(`  slowest: ${h.ms} ms (${h.roundTrips} round trips, ${h.waitedOnClientMs} ms of it waiting on the web) ${dedupe(h.statements).join(" | ")}`);
  }
  console.log(`\n${loadLine()}`);
} finally {
  await server.stop();
}

/** postgres.js parses a statement once to describe it and again to run it (prepare: false): counted once. */
function dedupe(statements: string[]): string[] {
  return statements.filter((s, i) => s !== statements[i - 1]);
}
