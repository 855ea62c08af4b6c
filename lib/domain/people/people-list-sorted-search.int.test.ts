import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people } from "@/lib/db/schema";
import { analyzedPlan, sortInputs } from "@/lib/db/testing/analyzed-plan";
import { countingDb } from "@/lib/db/testing/query-counter";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { listAllPeople, listPeople, parsePeopleFilter } from "./people-list";
import { SEARCH_COUNT_CAP } from "./search-paging";

// A search in the people list ordered by number, status or joined date: its page is read part by part in each part's
// order (people-list-paging.ts sortedSearchPage) instead of every match sorted. Ties on purpose: joined dates shared
// by many, no member number or joined date for some, two statuses with one sort order, people without a profile
// found by number. The whole list sorted in one query (listAllPeople, the order as it always was) is the reference.
let t: DemoDatabase;
let ghost: number;

beforeAll(async () => {
  t = await createDemoDatabase();
  const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  const [applicant] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
  await t.db.update(membershipStatuses).set({ sortOrder: member!.sortOrder }).where(eq(membershipStatuses.id, applicant!.id));
  // 1,500 found by "sorter": more than the cap, so a page read by sorting every match would read them all.
  await t.db.execute(sql`insert into people (member_number, status_id, joined_on)
    select case when g % 11 = 0 then null else 770000 + g end, case when g % 3 = 0 then ${applicant!.id}::int else ${member!.id}::int end,
      case when g % 13 = 0 then null else timestamptz '2020-01-01' + (g % 7) * interval '1 day' end
    from generate_series(1, 1500) g`);
  await t.db.execute(sql`insert into profiles (person_id, first_name, last_name)
    select id, 'Eva' || (id % 3), 'Sorter' || (id % 40) from people where id not in (select person_id from profiles)`);
  // No profile: found by the member number 770077 ("77": among the matches of a number's text), ordered with the rest.
  ghost = (
    await t.db
      .insert(people)
      .values({ statusId: member!.id, memberNumber: 77, joinedOn: new Date("2020-01-03T00:00:00Z") })
      .returning()
  )[0]!.id;
  await t.db.execute(sql`analyze`);
});
afterAll(() => t?.close());

const ids = (rows: { personId: number }[]) => rows.map((r) => r.personId);

describe("a search sorted by number, status or joined date", () => {
  it("puts together, page by page and both ways, the first matches of the whole sorted list, ties and nulls in place", async () => {
    for (const q of ["sorter1", "77"])
      for (const sort of ["number", "status", "joined"])
        for (const dir of ["asc", "desc"]) {
          const filter = parsePeopleFilter({ q, sort, dir });
          const all = ids(await listAllPeople(t.db, filter)).slice(0, SEARCH_COUNT_CAP);
          if (q === "77") expect(all).toContain(ghost);
          const size = 23;
          const paged: number[] = [];
          for (let page = 1; page <= Math.min(Math.ceil(all.length / size), 6); page++)
            paged.push(...ids((await listPeople(t.db, { ...filter, page }, size)).rows));
          expect(paged, `${q} ${sort} ${dir}`).toEqual(all.slice(0, paged.length));
          const last = Math.ceil(all.length / size);
          expect(ids((await listPeople(t.db, { ...filter, page: last }, size)).rows), `${q} ${sort} ${dir} last`).toEqual(all.slice((last - 1) * size));
        }
  }, 120_000);

  it("reads a broad text's page without sorting every match: each sort takes in a few parts' reach, not the 1,500 matches", async () => {
    const counted = countingDb(t.url);
    try {
      for (const sort of ["number", "status", "joined"])
        for (const dir of ["asc", "desc"]) {
          counted.reset();
          const found = await listPeople(counted.db, parsePeopleFilter({ q: "sorter", sort, dir, page: "3" }));
          expect(found).toMatchObject({ total: SEARCH_COUNT_CAP, more: true, page: 3 });
          const at = counted.queries.findIndex((q) => /count\(\*\)/.test(q));
          const plan = await analyzedPlan(t.url, counted.queries[at]!, counted.parameters[at]!);
          const sorted = sortInputs(plan);
          expect(sorted.length, `${sort} ${dir}`).toBeGreaterThan(0);
          // Page 3 of 25: each part reads up to 75 in its order (or, the planner's choice, sorts its own few matches:
          // one status's); their union is sorted. Before, one sort took in all 1,500 matches.
          expect(Math.max(...sorted), `${sort} ${dir}`).toBeLessThan(1500 / 2);
        }
    } finally {
      await counted.close();
    }
  });

  it("orders the page in the statement itself, whatever the plan: the page's order is the outermost step", async () => {
    const counted = countingDb(t.url);
    try {
      for (const params of [{ q: "sorter" }, { q: "sorter", sort: "joined", dir: "desc" }]) {
        counted.reset();
        await listPeople(counted.db, parsePeopleFilter(params));
        const plan = await analyzedPlan(t.url, counted.queries.at(-1)!, counted.parameters.at(-1)!);
        expect(["Sort", "Incremental Sort"]).toContain(plan["Node Type"]);
      }
    } finally {
      await counted.close();
    }
  });
});
