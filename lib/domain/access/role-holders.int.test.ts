import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people, profiles, roles } from "@/lib/db/schema";
import { countingDb } from "@/lib/db/testing/query-counter";
import { analyzedPlan, rowsReadFrom } from "@/lib/db/testing/analyzed-plan";
import { SEARCH_COUNT_CAP } from "../people/search-paging";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Viewer } from "../people/visibility";
import { permissionsOfPerson } from "./person-permissions";
import { holderPageQuery, roleHolders } from "./role-holders";
import { viewScopeOf, type ViewScope } from "./view-rights";

// The Member role as a space has it: most people hold it by their status. Enough holders here that the first pages
// are read along the name index (the walk) and the last ones sorted, so both ways are compared with each other.
let t: DemoDatabase;
let admin: Viewer & { viewScope: ViewScope };
/** Sees names set for members, not those for the board. */
let directoryReader: Viewer;
let memberRole: number;
let memberStatus: number;
let aardvark: number;
let noProfile: number;

async function addPeople(count: number, from: number): Promise<void> {
  const ids = await t.db
    .insert(people)
    .values(Array.from({ length: count }, () => ({ statusId: memberStatus })))
    .returning({ id: people.id });
  // Ties on purpose: five last names a group, three first names, so two in a group share both (then the id decides).
  await t.db
    .insert(profiles)
    .values(
      ids.map(({ id }, i) => ({ personId: id, firstName: `Eva${(from + i) % 3}`, lastName: `Bench${String(Math.floor((from + i) / 5)).padStart(3, "0")}` })),
    );
}

beforeAll(async () => {
  t = await createDemoDatabase();
  // As the session carries them: with the groups the view rights reach (names shown mind them, shown-names.ts).
  admin = { personId: t.ids.admin, permissions: await permissionsOfPerson(t.db, t.ids.admin), viewScope: await viewScopeOf(t.db, t.ids.admin) };
  directoryReader = { personId: t.ids.member, permissions: new Set(["directory.read"]) };
  [{ id: memberRole }] = (await t.db.select({ id: roles.id }).from(roles).where(eq(roles.key, "member"))) as [{ id: number }];
  [{ id: memberStatus }] = (await t.db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"))) as [
    { id: number },
  ];
  await addPeople(60, 0);
  // First by name for those who may see it; for a viewer who may not, among the hidden names (last, by id).
  aardvark = (await t.db.insert(people).values({ statusId: memberStatus, memberNumber: 987654 }).returning({ id: people.id }))[0]!.id;
  await t.db.insert(profiles).values({ personId: aardvark, firstName: "Aaron", lastName: "Aardvark", visibility: { name: "board" } });
  // No profile: no name, after every named holder.
  noProfile = (await t.db.insert(people).values({ statusId: memberStatus }).returning({ id: people.id }))[0]!.id;
  const [erased] = await t.db.insert(people).values({ statusId: memberStatus, erasedAt: new Date() }).returning({ id: people.id });
  await t.db.insert(profiles).values({ personId: erased!.id, firstName: "Aaa", lastName: "Aaa" });
  await t.db.execute(sql`analyze`);
});
afterAll(() => t?.close());

const ids = (page: { holders: { person: { personId: number } }[] }) => page.holders.map((h) => h.person.personId);

describe("a search among many holders", () => {
  it("counts no further than the cap, and its last page stops at it", async () => {
    const added = (await t.db.execute(sql`insert into people (status_id) select ${memberStatus} from generate_series(1, 1005) returning id`)) as unknown as {
      id: number;
    }[];
    const ids_ = added.map((r) => Number(r.id));
    await t.db.execute(
      sql`insert into profiles (person_id, first_name, last_name) select id, 'Cap', 'Capholder' || id from people where id between ${Math.min(...ids_)} and ${Math.max(...ids_)}`,
    );
    await t.db.execute(sql`analyze`);
    try {
      const first = await roleHolders(t.db, admin, memberRole, { query: "capholder", limit: 30 });
      expect(first).toMatchObject({ total: 1000, more: true });
      expect(first.holders).toHaveLength(30);
      const last = await roleHolders(t.db, admin, memberRole, { query: "capholder", limit: 30, offset: 990 });
      expect(last.holders).toHaveLength(10);
      expect(await roleHolders(t.db, admin, memberRole, { query: "capholder", offset: 1000 })).toEqual({ holders: [], total: 1000, more: true });
      expect(await roleHolders(t.db, admin, memberRole, { query: `capholder${Math.max(...ids_)}` })).toMatchObject({ total: 1, more: false });

      // The count reads the holders it finds one by one and stops at the cap: the search never gathers every match
      // first (all 1,005 profiles read into a set of ids before the first row, as `people.id in (…)` did). Row counts
      // of the plan as it ran, not durations.
      const counted = countingDb(t.url);
      try {
        await roleHolders(counted.db, admin, memberRole, { query: "capholder", limit: 30 });
        const at = counted.queries.findIndex((q) => /count\(\*\)[\s\S]*limit \$\d+\)/.test(q));
        expect(at).toBeGreaterThanOrEqual(0);
        const plan = await analyzedPlan(t.url, counted.queries[at]!, counted.parameters[at]!);
        expect(rowsReadFrom(plan, "profiles")).toBeLessThanOrEqual(SEARCH_COUNT_CAP + 1);
      } finally {
        await counted.close();
      }
    } finally {
      await t.db.execute(sql`delete from people where id between ${Math.min(...ids_)} and ${Math.max(...ids_)}`);
    }
  }, 120_000);
});

describe("a role many hold, a page at a time", () => {
  it("reads the first pages along the name index; pages put together are the whole sorted list, unnamed holders last", async () => {
    const counted = countingDb(t.url);
    try {
      const all = await roleHolders(counted.db, admin, memberRole, { limit: 1000 });
      expect(all.total).toBe(all.holders.length);
      expect(all.total).toBeGreaterThan(60);
      expect(ids(all)[0]).toBe(aardvark);
      expect(ids(all).at(-1)).toBe(noProfile);
      expect(all.holders.at(-1)!.person.name).toBeNull();
      // By last name, then first name, then id (the order profiles_name_idx keeps).
      const named = all.holders.filter((h) => h.person.name?.startsWith("Eva")).map((h) => h.person);
      const key = (p: { name: string | null; personId: number }) => `${p.name!.split(" ")[1]} ${p.name!.split(" ")[0]} ${String(p.personId).padStart(9, "0")}`;
      expect(named.map(key)).toEqual(named.map(key).sort());

      counted.reset();
      const pages = [];
      for (let offset = 0; offset < all.total; offset += 7) pages.push(await roleHolders(counted.db, admin, memberRole, { limit: 7, offset }));
      expect(pages.flatMap(ids)).toEqual(ids(all));
      expect(pages.every((p) => p.total === all.total)).toBe(true);
      // The first pages walked the index (no sort of every holder), the last ones were sorted: both ways agree.
      const walked = counted.queries.filter((q) => /from "profiles" inner join "people"/.test(q)).length;
      expect(walked).toBeGreaterThan(0);
      expect(walked).toBeLessThan(pages.length);
    } finally {
      await counted.close();
    }
  });

  it("orders the walked page by an index: no sort, even with sorting priced out", async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = (await tx.execute(sql`explain ${holderPageQuery(tx, sql`${people.erasedAt} is null`, "walk", 50, 0)}`)) as unknown as Record<
        string,
        string
      >[];
      return rows.map((r) => Object.values(r)[0]).join("\n");
    });
    expect(plan).toMatch(/profiles_name_idx/);
    expect(plan).not.toMatch(/Sort/);
  });

  it("asks the same few questions for a page however many hold the role", async () => {
    const counted = countingDb(t.url);
    try {
      await roleHolders(counted.db, admin, memberRole, { limit: 10 }); // the connection's own first questions not counted
      counted.reset();
      await roleHolders(counted.db, admin, memberRole, { limit: 10 });
      const asked = counted.queries.length;
      expect(asked).toBeLessThanOrEqual(8);
      await addPeople(40, 60);
      counted.reset();
      const more = await roleHolders(counted.db, admin, memberRole, { limit: 10 });
      expect(counted.queries.length).toBe(asked);
      expect(more.holders).toHaveLength(10);
    } finally {
      await counted.close();
    }
  });

  it("orders by the name the viewer may see: a hidden name's place gives nothing away", async () => {
    const all = await roleHolders(t.db, directoryReader, memberRole, { limit: 1000 });
    const first = await roleHolders(t.db, directoryReader, memberRole, { limit: 5 });
    expect(ids(first)).toEqual(ids(all).slice(0, 5));
    expect(ids(first)).not.toContain(aardvark);
    const hidden = all.holders.filter((h) => h.person.name === null).map((h) => h.person.personId);
    expect(hidden).toContain(aardvark);
    expect(hidden).toEqual([...hidden].sort((a, b) => a - b));
    expect(ids(all).slice(-hidden.length)).toEqual(hidden);
    expect(all.holders.find((h) => h.person.personId === aardvark)!.person.name).toBeNull();
  });

  it("finds holders by what the viewer may see of them: a hidden name not, the member number yes", async () => {
    expect(ids(await roleHolders(t.db, admin, memberRole, { query: "aardvark" }))).toEqual([aardvark]);
    expect(await roleHolders(t.db, directoryReader, memberRole, { query: "aardvark" })).toEqual({ holders: [], total: 0, more: false });
    const byNumber = await roleHolders(t.db, directoryReader, memberRole, { query: "#987654" });
    expect(byNumber.holders.map((h) => h.person)).toEqual([{ personId: aardvark, name: null, memberNumber: 987654 }]);
    const twins = await roleHolders(t.db, admin, memberRole, { query: "eva0 bench001", limit: 3 });
    expect(twins.holders.map((h) => h.person.name)).toEqual(["Eva0 Bench001", "Eva0 Bench001"]);
    expect(ids(twins)).toEqual([...ids(twins)].sort((a, b) => a - b));
    // A board member whose view rights reach another status only: outside them Aaron's board-only name neither
    // places him (first by name) nor finds him; he is among the hidden names, last, by id.
    const narrowed = { ...admin, viewScope: { all: false, viewerId: admin.personId, statusIds: [memberStatus + 1000], committeeIds: [] } };
    const first = await roleHolders(t.db, narrowed, memberRole, { limit: 5 });
    expect(first.holders.map((h) => h.person.name)).not.toContain("Aaron Aardvark");
    expect(ids(first)).not.toContain(aardvark);
    expect(await roleHolders(t.db, narrowed, memberRole, { query: "aardvark" })).toEqual({ holders: [], total: 0, more: false });
    // Not holders are not found, nor erased people, nor a NUL typed in.
    expect((await roleHolders(t.db, admin, memberRole, { query: "Aaa" })).total).toBe(0);
    expect((await roleHolders(t.db, admin, memberRole, { query: "aard\u0000vark" })).total).toBe(1);
  });
});
