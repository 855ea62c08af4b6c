import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people } from "@/lib/db/schema";
import { listAllPeople, listPeople, parsePeopleFilter } from "./people-list";
import { SEARCH_COUNT_CAP } from "./search-paging";
import { searchPeople } from "./search-people";
import { BOARD_VIEWER } from "./testing/viewers";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("a broad search", () => {
  it("counts no further than the cap, and reads its pages in the list's order: named people by name, then those without a profile", async () => {
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const added = (await t.db.execute(sql`insert into people (member_number, status_id)
      select 880000 + g, ${member!.id} from generate_series(1, 1005) g returning id`)) as unknown as { id: number }[];
    const ids = added.map((r) => Number(r.id));
    await t.db.execute(sql`insert into profiles (person_id, first_name, last_name, email)
      select id, 'Cap', 'Capper' || (member_number - 880000), 'cap' || (member_number - 880000) || '@cap.example' from people where member_number > 880000`);
    // No profile (never given one): found by the member number alone, and listed after everyone with a name.
    const [ghost] = await t.db.insert(people).values({ statusId: member!.id, memberNumber: 12 }).returning();
    try {
      const broad = await listPeople(t.db, parsePeopleFilter({ q: "capper" }));
      expect(broad).toMatchObject({ total: SEARCH_COUNT_CAP, more: true, page: 1, pages: SEARCH_COUNT_CAP / 25 });
      const all = await listAllPeople(t.db, parsePeopleFilter({ q: "capper" }));
      expect(all).toHaveLength(1005);
      expect(broad.rows.map((r) => r.personId)).toEqual(all.slice(0, 25).map((r) => r.personId));
      // Past the cap's pages: the last of them.
      expect(await listPeople(t.db, parsePeopleFilter({ q: "capper", page: "99" }))).toMatchObject({ page: 40, pages: 40, more: true });
      // The find-a-person search, page size 30 (not a divisor of 1,000): its last page holds rows 991–1,000 only.
      const lastOf30 = await searchPeople(t.db, BOARD_VIEWER, { query: "capper", pageSize: 30, page: 99 });
      expect(lastOf30).toMatchObject({ page: 34, pages: 34, total: SEARCH_COUNT_CAP, more: true });
      expect(lastOf30.rows).toHaveLength(10);
      // The admin list the same, in every order: the last page stops at the cap, and no page follows it.
      for (const sort of ["name", "number", "status", "joined"]) {
        const last = await listPeople(t.db, parsePeopleFilter({ q: "capper", sort, page: "99" }), 30);
        expect(last, sort).toMatchObject({ page: 34, pages: 34, total: SEARCH_COUNT_CAP, more: true });
        expect(last.rows, sort).toHaveLength(10);
        const inOrder = await listAllPeople(t.db, parsePeopleFilter({ q: "capper", sort }));
        expect(
          last.rows.map((r) => r.personId),
          sort,
        ).toEqual(inOrder.slice(990, 1000).map((r) => r.personId));
        expect((await listPeople(t.db, parsePeopleFilter({ q: "capper", sort, page: "34" }), 30)).rows, sort).toHaveLength(10);
      }
      expect(await listPeople(t.db, parsePeopleFilter({ q: "capper1000" }))).toMatchObject({ total: 1, more: false });

      // "12": Capper12, Capper112, Capper120… by name, and the ghost (member number 12) last, in every page size
      // and both directions: the page that joins the two parts, and one that starts past every named match.
      for (const dir of ["asc", "desc"]) {
        const expected = (await listAllPeople(t.db, parsePeopleFilter({ q: "12", dir }))).map((r) => r.personId);
        expect(expected.at(-1)).toBe(ghost!.id);
        // All the named on one page, the next starting past them; the named and the ghost on one; two a page.
        const named = expected.length - 1;
        for (const size of [named, named + 1, 2]) {
          const paged: number[] = [];
          for (let page = 1; page <= Math.ceil(expected.length / size); page++) {
            const found = await listPeople(t.db, parsePeopleFilter({ q: "12", dir, page: String(page) }), size);
            expect(found).toMatchObject({ total: expected.length, more: false, page });
            paged.push(...found.rows.map((r) => r.personId));
          }
          expect(paged, `${dir}, ${size} a page`).toEqual(expected);
        }
      }
    } finally {
      await t.db.delete(people).where(inArray(people.id, [...ids, ghost!.id]));
    }
  }, 120_000);
});
