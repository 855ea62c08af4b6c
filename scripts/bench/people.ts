/**
 * `npm run bench:people`: seeds 10,000 people (profiles, cards, memberships, trainings) into a scratch database and
 * prints the people list's server time (p50, p99) for a search and for a filtered, sorted page. Scratch database:
 * a new database on DATABASE_URL's server when set (dropped afterwards), else the embedded PGlite.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { listPeople, parsePeopleFilter } from "@/lib/domain/people/people-list";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedBenchPeople } from "./people-seed";

const PEOPLE = 10_000;
const RUNS = 60;

async function scratchDatabase(): Promise<{ url: string; label: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, label: "embedded PGlite", drop: () => embedded.stop() };
  }
  const name = `ms_bench_people_${process.pid}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: `PostgreSQL at ${url.host}`,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(6)} ms`);
}

const scratch = await scratchDatabase();
const handle = createDb(scratch.url, { max: 4 });
try {
  const db = handle.db;
  await prepareDatabase(db);
  await ensureReferenceData(db);
  await seedDemoData(db, "bench-password-1");
  const seeded = performance.now();
  await seedBenchPeople(db, PEOPLE);
  console.log(`Seeded ${PEOPLE} people in ${((performance.now() - seeded) / 1000).toFixed(1)} s on ${scratch.label}; ${RUNS} runs each:`);

  const [{ id: member } = { id: 0 }] = (await db.execute(sql`select id from membership_statuses where key = 'member'`)) as unknown as { id: number }[];
  const [{ id: laser } = { id: 0 }] = (await db.execute(sql`select id from equipment_types where name = 'Laser cutter'`)) as unknown as { id: number }[];
  await time(`search "gruber" (page 1)`, () => listPeople(db, parsePeopleFilter({ q: "gruber" })));
  await time(`search by card uid`, () => listPeople(db, parsePeopleFilter({ q: "10000abc" })));
  await time(`filter status=member, trained on laser, by number desc, page 40`, () =>
    listPeople(db, parsePeopleFilter({ status: String(member), trained: String(laser), sort: "number", dir: "desc", page: "40" })),
  );
  await time(`no filter, by name, page 200`, () => listPeople(db, parsePeopleFilter({ page: "200" })));
} finally {
  await handle.close();
  await scratch.drop();
}
