/**
 * `npm run bench:pages`: every main page against a trivial page inside the same layout (/forgot-password: the
 * layout, a heading and one field), for the same visitor, at 10,000 people and 1,000 events (the demo data plus
 * bench:people's and bench:calendar's). Runs the built web server (scripts/web/web-server.ts) on the embedded
 * database and measures each page in pairs with the trivial page (pairedWithFloor: in turn, order swapped, after
 * warm-up), printing p50, the ratio and the page's HTML size with the part that is the RSC payload. Uses the existing
 * build (`npm run build` first). `npm run bench:pages -- 20 /calendar /home` sets the pairs and the pages; a page ending in
 * `*` takes every page it begins (`/admin/roles/*`: the detail pages found below).
 */
import { eq } from "drizzle-orm";
import { profiles } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { createThing } from "@/lib/domain/inventory/things";
import { analyzeDatabase } from "@/lib/ops/db-maintenance";
import { seedBenchEvents } from "./calendar-seed";
import { seedBenchPeople } from "./people-seed";
import { startProbedWebServer } from "./probed-web-server";
import { loadLine, pairedWithFloor, summarize } from "./stats";
import { ADMIN_PAGES, MEMBER_PAGES, PUBLIC_PAGES, login } from "./web-load";

const ROUNDS = Number(process.argv[2] ?? 20);
const only = process.argv.slice(3);
const PASSWORD = "bench-demo-password";
const TRIVIAL = "/forgot-password";
// Beyond web-load's lists (which bench:memory shares): the other pages people open, and one detail page of each
// kind, its address taken from the first matching link on a listing ("from").
const MORE_PUBLIC = ["/", "/news", "/people", "/calendar?view=agenda", "/calendar?view=week"];
const MORE_MEMBER = ["/", "/locations", "/loans", "/polls", "/calendar?view=agenda", "/calendar?view=week"];
const MORE_ADMIN = [
  "/admin/people/applicants",
  "/admin/settings",
  "/admin/roles",
  "/admin/cards",
  "/admin/maintenance",
  "/admin/news",
  "/admin/rooms",
  "/admin/sso",
  "/admin/webhooks",
  "/admin/equipment/people",
];
const DETAILS: { who: string; from: string; link: RegExp }[] = [
  { who: "visitor", from: "/calendar", link: /href="(\/events\/[^"?#]+)"/ },
  { who: "member", from: "/machines", link: /href="(\/machines\/\d+)"/ },
  { who: "member", from: "/things", link: /href="(\/things\/[^"/?#]+)"/ },
  { who: "admin", from: "/admin/people", link: /href="(\/admin\/people\/\d+)"/ },
  { who: "admin", from: "/admin/equipment", link: /href="(\/admin\/equipment\/machines\/\d+)"/ },
  // The role every member holds by status: its page sorts thousands of holders by the name shown.
  { who: "admin", from: "/admin/roles", link: /aria-label="Member"[\s\S]*?href="(\/admin\/roles\/\d+)#holders"/ },
];

const server = await startProbedWebServer({
  probe: "heap-probe.cjs",
  name: "pages",
  demoPassword: PASSWORD,
  seed: async (db) => {
    await seedBenchPeople(db, 10_000);
    await seedBenchEvents(db);
    await seedBenchThings(db);
    // Statistics as a running space has them (a fresh install is analyzed, then the daily database-maintenance job):
    // seedBenchPeople analyzed before the events, so the planner saw an empty events table and the start page's
    // next five events took a nested loop over all 1,000 (6–10 ms instead of 0.2 ms).
    await analyzeDatabase(db);
  },
});

async function html(path: string, cookie?: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return response.text();
}

async function get(path: string, cookie?: string): Promise<{ bytes: number; payload: number }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  const payload = [...html.matchAll(/self\.__next_f\.push\(\[1,"([\s\S]*?)"\]\)<\/script>/g)].reduce((n, m) => n + m[1]!.length, 0);
  return { bytes: Buffer.byteLength(html), payload };
}

try {
  const member = await login(server.port, "member@makerspace.local", PASSWORD);
  const admin = await login(server.port, "admin@makerspace.local", PASSWORD);
  const visitors = [
    { who: "visitor", cookie: undefined, pages: [...PUBLIC_PAGES.filter((p) => p !== TRIVIAL), ...MORE_PUBLIC] },
    { who: "member", cookie: member, pages: [...MEMBER_PAGES, ...MORE_MEMBER] },
    { who: "admin", cookie: admin, pages: [...ADMIN_PAGES, ...MORE_ADMIN] },
  ];
  for (const d of DETAILS) {
    const visitor = visitors.find((v) => v.who === d.who)!;
    const found = d.link.exec(await html(d.from, visitor.cookie))?.[1];
    if (found) visitor.pages.push(found);
    else console.log(`(no ${d.link} on ${d.from} for ${d.who})`);
  }
  console.log(`${ROUNDS} pairs per page, each with ${TRIVIAL} for the same visitor:`);
  for (const { who, cookie, pages } of visitors) {
    const chosen = pages.filter((p) => !only.length || only.includes(p) || only.some((o) => o.endsWith("*") && p.startsWith(o.slice(0, -1))));
    if (!chosen.length) continue;
    const sizes = new Map<string, { bytes: number; payload: number }>();
    for (const p of [TRIVIAL, ...chosen]) sizes.set(p, await get(p, cookie));
    const results = await pairedWithFloor(
      () => get(TRIVIAL, cookie),
      chosen.map((p) => ({ label: p, run: () => get(p, cookie) })),
      { rounds: ROUNDS, warmup: 3 },
    );
    const trivial = sizes.get(TRIVIAL)!;
    console.log(`\n${who} (trivial page ${(trivial.bytes / 1024).toFixed(0)} KB):`);
    for (const [page, { samples, floor }] of results) {
      const s = summarize(samples);
      const f = summarize(floor);
      const size = sizes.get(page)!;
      console.log(
        `  ${page.padEnd(34)} p50 ${s.p50.toFixed(1).padStart(7)} ms   trivial p50 ${f.p50.toFixed(1).padStart(6)} ms   ×${(s.p50 / f.p50).toFixed(2)}   ${(size.bytes / 1024).toFixed(0).padStart(4)} KB (payload ${(size.payload / 1024).toFixed(0)} KB)`,
      );
    }
    console.log(`  ${loadLine()}`);
  }
} finally {
  await server.stop();
}

/**
 * A few things, so /things links to a thing page: the demo seed has none without its showcase (npm start's), and
 * the showcase would change the start page measured here (news, a poll, the open status).
 */
async function seedBenchThings(db: Db): Promise<void> {
  const [admin] = await db.select({ personId: profiles.personId }).from(profiles).where(eq(profiles.email, "admin@makerspace.local"));
  for (const name of ["Cordless drill", "Digital caliper", "Multimeter"]) {
    const made = await createThing(db, admin!.personId, { name, description: "For the benchmark" });
    if (!made.ok) throw new Error(`bench thing ${name}: ${made.message}`);
  }
}
