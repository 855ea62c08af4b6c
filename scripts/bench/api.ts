/**
 * `npm run bench:api`: server time (p50, p99) of the REST API's people and member lists with 10,000 people,
 * beside the admin people page's data loading. The API figure is the whole handler: token check and rate count
 * (one UPDATE), parameter parsing, the domain query, JSON and the ETag. Scratch database: a new one on
 * DATABASE_URL's server when set (dropped afterwards), else the embedded database in its own process.
 */
import { eq } from "drizzle-orm";
import { handleApiRequest } from "@/lib/api/v1/http";
import { createDb, type Db } from "@/lib/db/client";
import { accounts, equipmentTypes } from "@/lib/db/schema";
import { createPersonalToken } from "@/lib/domain/api-tokens/tokens";
import { FULL_SCOPE } from "@/lib/domain/access/view-rights";
import { listPendingApplicants } from "@/lib/domain/people/applicant-signup";
import { committeeNames } from "@/lib/domain/people/committee-service";
import { listPeople, parsePeopleFilter } from "@/lib/domain/people/people-list";
import { listMembershipTypes, listStatuses } from "@/lib/domain/people/reference-service";
import { openBenchDatabase } from "./bench-database";
import { seedBenchPeople } from "./people-seed";
import { ms, summarize } from "./stats";

const PEOPLE = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await run(); // warm-up (plans, caches)
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const s = summarize(samples);
  console.log(`${label.padEnd(62)} p50 ${ms(s.p50).padStart(10)}   p99 ${ms(s.p99).padStart(10)}`);
}

/** What /admin/people loads for a page, in parallel as the page does. */
function peoplePage(db: Db, params: Record<string, string>) {
  return Promise.all([
    listPeople(db, parsePeopleFilter(params)),
    listStatuses(db),
    listMembershipTypes(db),
    committeeNames(db),
    db.select({ id: equipmentTypes.id, name: equipmentTypes.name }).from(equipmentTypes).orderBy(equipmentTypes.name),
    listPendingApplicants(db, FULL_SCOPE),
  ]);
}

async function tokenOf(db: Db, email: string): Promise<string> {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  const created = await createPersonalToken(db, account!.personId, { name: "bench", scopes: ["read:people"], expiresInDays: 1 });
  if (!created.ok) throw new Error(created.message);
  return created.token;
}

const bench = await openBenchDatabase(process.env.DATABASE_URL, 0);
const handle = createDb(bench.url, { max: 4 });
try {
  const db = handle.db;
  const seeded = performance.now();
  await seedBenchPeople(db, PEOPLE);
  console.log(`Seeded ${PEOPLE} people in ${((performance.now() - seeded) / 1000).toFixed(1)} s on ${bench.label}; ${RUNS} runs each:`);
  const admin = await tokenOf(db, "admin@makerspace.local");
  const member = await tokenOf(db, "member@makerspace.local");
  const api = async (path: string, token: string) => {
    const response = await handleApiRequest(db, new Request(`http://bench/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }), {
      rateLimit: 1_000_000,
    });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ nextCursor: string | null }>;
  };
  // A cursor deep in the list: what a sync reaches after 5,000 people.
  let deep = (await api("/people?limit=200", admin)).nextCursor;
  for (let i = 1; i < 25 && deep; i++) deep = (await api(`/people?limit=200&cursor=${deep}`, admin)).nextCursor;

  await measure("people page (/admin/people), page 1", () => peoplePage(db, {}));
  await measure("people page (/admin/people), page 200", () => peoplePage(db, { page: "200" }));
  await measure("API GET /people?limit=25 (first page)", () => api("/people?limit=25", admin));
  await measure("API GET /people?limit=25 after 5,000 people (cursor)", () => api(`/people?limit=25&cursor=${deep}`, admin));
  await measure("API GET /people?limit=200", () => api("/people?limit=200", admin));
  await measure("API GET /members (directory, 50, board viewer)", () => api("/members", admin));
  await measure("API GET /members (directory, 50, member viewer)", () => api("/members", member));
} finally {
  await handle.close();
  await bench.close();
}
