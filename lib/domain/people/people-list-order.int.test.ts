import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import { countingDb } from "@/lib/db/testing/query-counter";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { listAllPeople, listPeople, parsePeopleFilter } from "./people-list";
import { namedPageQuery } from "./people-list-paging";

// The admin people list in name order, as it opens (issue 20: at 10,000 people it joined every profile to count
// people and sorted every one of them for a page of 25). Enough people that the first pages are read along the name
// index (the walk) and the last ones sorted, so both ways are compared with the whole list, sorted in one query.
let t: DemoDatabase;
let memberStatus: number;
let noProfile: number;

beforeAll(async () => {
  t = await createDemoDatabase();
  [{ id: memberStatus }] = (await t.db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"))) as [
    { id: number },
  ];
  const [applicant] = await t.db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
  // Every third an applicant: a filter that matches a third of everyone (walked at first, then sorted).
  const ids = await t.db
    .insert(people)
    .values(Array.from({ length: 60 }, (_, i) => ({ statusId: i % 3 ? memberStatus : applicant!.id })))
    .returning({ id: people.id });
  // Ties on purpose: five last names a group, three first names, so two in a group share both (then the id decides).
  await t.db
    .insert(profiles)
    .values(ids.map(({ id }, i) => ({ personId: id, firstName: `Eva${i % 3}`, lastName: `Bench${String(Math.floor(i / 5)).padStart(3, "0")}` })));
  // No profile (erased): no name, after every name in both directions.
  noProfile = (await t.db.insert(people).values({ statusId: memberStatus }).returning({ id: people.id }))[0]!.id;
  await t.db.execute(sql`analyze`);
});
afterAll(() => t?.close());

const ids = (rows: { personId: number }[]) => rows.map((r) => r.personId);
const walks = (q: string) => /from "profiles" inner join "people"/.test(q);

describe("the people list by name", () => {
  it("puts together, page by page and both ways, the whole sorted list: walked first (a filter's last pages sorted), unnamed last", async () => {
    const counted = countingDb(t.url);
    try {
      for (const params of [{}, { dir: "desc" }, { status: String(memberStatus) }, { status: String(memberStatus), dir: "desc" }]) {
        const filter = parsePeopleFilter(params);
        const all = await listAllPeople(t.db, filter);
        expect(all.length).toBeGreaterThan(40);
        if (!("status" in params)) expect(ids(all).at(-1)).toBe(noProfile);
        counted.reset();
        const pages = [];
        for (let page = 1; page <= Math.ceil(all.length / 7); page++) {
          const found = await listPeople(counted.db, { ...filter, page }, 7);
          expect(found).toMatchObject({ total: all.length, page, pages: Math.ceil(all.length / 7) });
          pages.push(...found.rows);
        }
        expect(pages).toEqual(all);
        // Without a filter every page is walked (the walk that counts comes first); with one, the last pages are sorted.
        const walked = counted.queries.filter(walks).length;
        if ("status" in params) expect(walked).toBeGreaterThan(0);
        if ("status" in params) expect(walked).toBeLessThan(Math.ceil(all.length / 7));
        else expect(walked).toBe(Math.ceil(all.length / 7));
      }
    } finally {
      await counted.close();
    }
  });

  it("opens with one statement, the count riding along with the page, however many people there are", async () => {
    const counted = countingDb(t.url);
    try {
      const opened = async () => {
        counted.reset();
        const found = await listPeople(counted.db, parsePeopleFilter({}), 7);
        // The space's settings (today's date) are kept per version, checked at most once a second: left out, whether read or not.
        return { found, asked: counted.queries.filter((q) => !/"space_settings"|ms_internal\.settings_version/.test(q)) };
      };
      await opened(); // the connection's own first questions not counted
      const { found, asked } = await opened();
      expect(found.rows).toHaveLength(7);
      expect(asked).toHaveLength(1);
      expect(walks(asked[0]!)).toBe(true);
      expect(asked[0]).not.toMatch(/nulls last|over \(\)/);
      const more = await t.db
        .insert(people)
        .values(Array.from({ length: 30 }, () => ({ statusId: memberStatus })))
        .returning({ id: people.id });
      await t.db.insert(profiles).values(more.map(({ id }) => ({ personId: id, firstName: "Zoe", lastName: `Zz${id}` })));
      const after = await opened();
      expect(after.asked).toHaveLength(1);
      expect(after.found.total).toBe(found.total + 30);
      await t.db.delete(people).where(
        inArray(
          people.id,
          more.map((m) => m.id),
        ),
      );
    } finally {
      await counted.close();
    }
  });

  it("reads its page along profiles_name_idx both ways: no Sort, even with sorting priced out", async () => {
    for (const [where, counted] of [
      [undefined, true],
      [eq(people.statusId, memberStatus), false],
    ] as const)
      for (const dir of ["asc", "desc"] as const) {
        const plan = await t.db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_sort = off`);
          await tx.execute(sql`set local enable_seqscan = off`);
          const rows = (await tx.execute(sql`explain ${namedPageQuery(tx, where, dir, 25, 0, counted)}`)) as unknown as Record<string, string>[];
          return rows.map((r) => Object.values(r)[0]).join("\n");
        });
        expect(plan).toMatch(dir === "desc" ? /Index Scan Backward using profiles_name_idx/ : /Index Scan using profiles_name_idx/);
        expect(plan).not.toMatch(/Sort/);
      }
  });
});
