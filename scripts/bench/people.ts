/**
 * `npm run bench:people`: seeds 10,000 people (profiles, cards, memberships, trainings) into a scratch database and
 * prints the people list's server time (p50, p99) for searches by name, email, member number and card uid and for a
 * filtered, sorted page, and the equipment pages' person search and the people picker (visibility in SQL), measured interleaved with a floor (one person read by id: a round trip to the database).
 * Runs on the embedded PGlite, then also on a scratch database on DATABASE_URL's server when it is set.
 */
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { people } from "@/lib/db/schema";
import type { Permission } from "@/lib/domain/access/permissions";
import { listPeople, parsePeopleFilter } from "@/lib/domain/people/people-list";
import { searchPeople } from "@/lib/domain/people/search-people";
import { pickPeople } from "@/lib/domain/people/pick-people";
import { roleHolders } from "@/lib/domain/access/role-holders";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedBenchPeople } from "./people-seed";
import { interleaved, loadLine, summarize } from "./stats";

const PEOPLE = 10_000;
const ROUNDS = Number(process.argv[2] ?? 60);

interface Scratch {
  url: string;
  label: string;
  drop(): Promise<void>;
}

async function embeddedDatabase(): Promise<Scratch> {
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, label: "embedded PGlite", drop: () => embedded.stop() };
}

async function serverDatabase(base: string): Promise<Scratch> {
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

async function bench(scratch: Scratch): Promise<void> {
  const handle = createDb(scratch.url, { max: 4 });
  try {
    const db = handle.db;
    await prepareDatabase(db);
    await ensureReferenceData(db);
    await seedDemoData(db, "bench-password-1");
    const seeded = performance.now();
    await seedBenchPeople(db, PEOPLE);
    console.log(`\nSeeded ${PEOPLE} people in ${((performance.now() - seeded) / 1000).toFixed(1)} s on ${scratch.label}; ${ROUNDS} interleaved rounds:`);

    const one = async (query: string) => (await db.execute(sql.raw(query)))[0] as Record<string, string | number>;
    const someone = await one(
      `select p.id, p.member_number, c.uid, f.email from people p join cards c on c.person_id = p.id join profiles f on f.person_id = p.id order by p.id desc offset 4321 limit 1`,
    );
    const [{ id: member } = { id: 0 }] = (await db.execute(sql`select id from membership_statuses where key = 'member'`)) as unknown as { id: number }[];
    const [{ id: laser } = { id: 0 }] = (await db.execute(sql`select id from equipment_types where name = 'Laser cutter'`)) as unknown as { id: number }[];
    const [{ id: memberRole } = { id: 0 }] = (await db.execute(sql`select id from roles where key = 'member'`)) as unknown as { id: number }[];
    const board = { personId: null, permissions: new Set<Permission>(["members.read", "members.write", "equipment.manage"]) };
    const memberViewer = { personId: null, permissions: new Set<Permission>(["directory.read", "equipment.manage"]) };
    const keeper = { personId: 1, permissions: new Set<Permission>(["directory.read", "inventory.write"]) };
    const list = (params: Record<string, string>) => () => listPeople(db, parsePeopleFilter(params));
    const floor = "floor: one person by id (a round trip)";
    const cases = [
      {
        label: floor,
        run: () =>
          db
            .select({ id: people.id })
            .from(people)
            .where(eq(people.id, Number(someone.id))),
      },
      { label: `search "gruber" (2,000 match, page 1)`, run: list({ q: "gruber" }) },
      // Fewer than three letters give the trigram index nothing: the page is read along the name index (namesFirst)
      // and the count stops at SEARCH_COUNT_CAP.
      { label: `search one letter ("a": all 10,000 match)`, run: list({ q: "a" }) },
      { label: `search a full name ("Name${someone.id}gruber")`, run: list({ q: `Name${someone.id}` }) },
      { label: `search an email ("${someone.email}")`, run: list({ q: String(someone.email) }) },
      { label: `search a member number (${someone.member_number})`, run: list({ q: String(someone.member_number) }) },
      { label: `search a card uid (${someone.uid})`, run: list({ q: String(someone.uid) }) },
      { label: `search an unknown card uid (deadbeef)`, run: list({ q: "deadbeef" }) },
      {
        label: `filter member, trained on laser, by number desc, page 40`,
        run: list({ status: String(member), trained: String(laser), sort: "number", dir: "desc", page: "40" }),
      },
      { label: `no filter, by name, page 200`, run: list({ page: "200" }) },
      // A search in another order than by name: the page read along that order's index, not every match sorted.
      { label: `search "gruber" by number`, run: list({ q: "gruber", sort: "number" }) },
      { label: `search one letter ("a") by joined, newest first`, run: list({ q: "a", sort: "joined", dir: "desc" }) },
      { label: `search one letter ("a") by status, page 20`, run: list({ q: "a", sort: "status", page: "20" }) },
      { label: `search a full name by status`, run: list({ q: `Name${someone.id}`, sort: "status" }) },
      // A role's holders (the Member role: most people hold it by status), searched: the count capped inside.
      { label: `role holders, search one letter ("a")`, run: () => roleHolders(db, board, memberRole, { query: "a" }) },
      // The equipment pages' search: names and emails as the viewer may see them, in SQL (search-people.ts).
      { label: `find "gruber", board (one query)`, run: () => searchPeople(db, board, { query: "gruber", pageSize: 20 }) },
      { label: `find "gruber", a member's visibility`, run: () => searchPeople(db, memberViewer, { query: "gruber", pageSize: 20 }) },
      { label: `find a card uid, board`, run: () => searchPeople(db, board, { query: String(someone.uid), pageSize: 20 }) },
      // The people picker (lending, cards): ten rows, visibility in SQL (pick-people.ts).
      { label: `picker "gruber", an inventory keeper`, run: () => pickPeople(db, keeper, "borrower", "gruber") },
      { label: `picker one letter ("a"), an inventory keeper`, run: () => pickPeople(db, keeper, "borrower", "a") },
      { label: `picker a card uid, board`, run: () => pickPeople(db, { ...board, personId: 1 }, "card", String(someone.uid)) },
    ];
    const samples = await interleaved(cases, ROUNDS);
    const floorP50 = summarize(samples.get(floor)!).p50;
    for (const [label, values] of samples) {
      const s = summarize(values);
      console.log(
        `${label.padEnd(62)} p50 ${s.p50.toFixed(1).padStart(6)} ms   p99 ${s.p99.toFixed(1).padStart(6)} ms   ×${(s.p50 / floorP50).toFixed(1)} floor`,
      );
    }
    console.log(loadLine());
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

console.log(loadLine());
await bench(await embeddedDatabase());
if (process.env.DATABASE_URL) await bench(await serverDatabase(process.env.DATABASE_URL));
