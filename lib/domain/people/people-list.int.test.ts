import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { auditLog, cards, committees, equipmentTypes, membershipStatuses, membershipTypes, people, profileStudies, profiles } from "@/lib/db/schema";
import { assignFunction, createCommittee, createFunction } from "./committee-service";
import { commitImport, previewImport } from "./import-people";
import { addMembership } from "./membership-service";
import { mailingList, peopleToCsv } from "./people-export";
import { listAllPeople, listPeople, parsePeopleFilter } from "./people-list";
import { personMatches, profileMatches, seenOnce } from "./person-match";
import { SEARCH_COUNT_CAP } from "./search-paging";
import { searchPeople } from "./search-people";
import { createStudyField } from "./study-fields";
import { BOARD_VIEWER } from "./testing/viewers";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb } from "@/lib/db/testing/query-counter";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

const names = async (params: Record<string, string>) => (await listPeople(t.db, parsePeopleFilter(params))).rows.map((r) => r.firstName);

describe("people list", () => {
  it("searches by name, email, member number and card uid (any case)", async () => {
    expect(await names({ q: "huber" })).toEqual(["Maria"]);
    expect(await names({ q: "trainer@" })).toEqual(["Tom"]);
    expect(await names({ q: "EFBEADDE" })).toEqual(["Mario"]);
    const [mario] = await t.db.select().from(people).where(eq(people.id, t.ids.member));
    expect(await names({ q: String(mario!.memberNumber) })).toEqual(["Mario"]);
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("keeps the search's trigram index without a pending list (fastupdate off), so a search never reads through one", async () => {
    // With the default a GIN index gathers new entries in a list every search scans until a vacuum empties it; the
    // embedded database has no autovacuum, and at 10,000 people that list made each search 20–40 ms (bench:people).
    const [index] = (await t.db.execute(sql`select reloptions from pg_class where relname = 'profiles_search_text_trgm_idx'`)) as unknown as {
      reloptions: string[] | null;
    }[];
    expect(index?.reloptions).toContain("fastupdate=false");
  });

  it("reaches every arm of a search (name, email, member number, card uid, login email) through an index, also when visibility counts", async () => {
    // With sequential scans priced out, a plan still holding one shows a condition no index can serve (an OR across
    // joined tables was one: every index skipped). Plans, not durations: the same on PGlite and PostgreSQL.
    const planOf = async (condition: ReturnType<typeof personMatches>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const rows = (await tx.execute(
          sql`explain select ${people.id} from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} where ${condition}`,
        )) as unknown as Record<string, string>[];
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
    const seen = { name: sql`true`, email: sql`false`, cards: true };
    const withLogins = { ...seen, logins: true };
    for (const condition of [personMatches("12345678"), personMatches("12345678", seen), personMatches("12345678", withLogins)]) {
      const plan = await planOf(condition);
      expect(plan).not.toMatch(/Seq Scan/);
      expect(plan).toMatch(/profiles_search_text_trgm_idx/);
      expect(plan).toMatch(/Index Cond: \(search_text ~~ '%12345678%'::text\)/);
      expect(plan).toMatch(/people_memberNumber_unique"? on people/);
      expect(plan).toMatch(/Index Scan on cards_uid_index|using cards_uid_index on cards/);
    }
    // The login email's arm (those who manage people: the picker and the equipment search) has its own trigrams.
    const logins = await planOf(personMatches("12345678", withLogins));
    expect(logins).toMatch(/Bitmap Index Scan on accounts_email_trgm_idx/);
    expect(logins).toMatch(/Index Cond: \(email ~~ '%12345678%'::text\)/);
  });

  it("can read a search's named part in name order along profiles_name_idx, and serve a narrow text from indexes (profileMatches)", async () => {
    // namesFirst's page of a broad text (one letter matches everyone) walks the name index and stops after a page;
    // a narrow one reads the trigram and primary-key indexes. Plans with sorting, then sequential scans, priced out.
    const planOf = async (off: "enable_sort" | "enable_seqscan", condition: ReturnType<typeof profileMatches>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local ${off} = off`));
        const rows = (await tx.execute(sql`explain select ${people.id} from ${profiles} join ${people} on ${people.id} = ${profiles.personId}
          where ${condition} order by ${profiles.lastName}, ${profiles.firstName}, ${profiles.personId} limit 25`)) as unknown as Record<string, string>[];
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
    const seen = { name: sql`true`, email: sql`false`, cards: true, logins: true };
    for (const condition of [profileMatches("a"), profileMatches("a", seen)]) {
      const plan = await planOf("enable_sort", condition);
      // Each entry checked on the walk (not a hash of every match built first, as `people.id in (…)` would).
      expect(plan).toMatch(/Index Scan using profiles_name_idx on profiles[^\n]*\n\s+Filter: [^\n]*search_text ~~ '%a%'/);
      expect(plan).not.toMatch(/Sort|Hash/);
    }
    for (const condition of [profileMatches("12345678"), profileMatches("12345678", seen)]) {
      const plan = await planOf("enable_seqscan", condition);
      expect(plan).not.toMatch(/Seq Scan on profiles/);
      expect(plan).toMatch(/profiles_search_text_trgm_idx/);
      expect(plan).toMatch(/BitmapOr[\s\S]*profiles_pkey/);
    }
  });

  it("works out the viewer's sight of a row once, however often the search uses it", async () => {
    // Inlined, the rule ran again for the match, the shown name, the shown email and the order (2,000 matches).
    const seen = seenOnce(sql`(${profiles.visibility} ->> 'name') = 'public'`, sql`(${profiles.visibility} ->> 'email') = 'public'`);
    const rows = (await t.db.execute(sql`explain verbose select ${seen.name}, ${seen.email}, case when ${seen.name} then ${profiles.lastName} end
      from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} left join ${seen.join} on true
      where ${personMatches("gruber", { ...seen, cards: false })}`)) as unknown as Record<string, string>[];
    const plan = rows.map((r) => Object.values(r)[0]).join("\n");
    // Its own node per row (the lateral's Result) works the rule out; the uses above only read its output.
    expect(plan).toMatch(/->\s+Result[^\n]*\n\s*Output: \(\(profiles\.visibility ->> 'name'::text\) = 'public'::text\), \(\(profiles\.visibility ->> 'email'/);
  });

  it("counts the matches with the page, and a page past the end shows the last one", async () => {
    const list = (params: Record<string, string>) => listPeople(t.db, parsePeopleFilter(params), 2);
    expect(await list({})).toMatchObject({ total: 5, page: 1, pages: 3 });
    const last = await list({ page: "99" });
    expect(last).toMatchObject({ total: 5, page: 3, pages: 3 });
    expect(last.rows.map((r) => r.firstName)).toEqual(["Tom"]);
    expect(await list({ q: "nobody-is-called-this", page: "4" })).toEqual({ rows: [], total: 0, more: false, page: 1, pages: 1 });
    expect((await list({ page: "2" })).rows.map((r) => r.firstName)).toEqual(["Maria", "Mario"]);
  });

  it("answers a search in one statement, also one that finds nobody: the capped count drives, the page joins it", async () => {
    const counted = countingDb(t.url);
    try {
      await listPeople(counted.db, parsePeopleFilter({ q: "huber" })); // the connection's own first questions (types) not counted
      for (const params of [{ q: "huber" }, { q: "huber", sort: "number" }, { q: "a", page: "2" }]) {
        counted.reset();
        const found = await listPeople(counted.db, parsePeopleFilter(params), 2);
        expect(found.rows.length).toBeGreaterThan(0);
        expect(counted.queries).toHaveLength(1);
        expect(counted.queries[0]).toMatch(/count\(\*\)[\s\S]*limit \$\d+\)/i);
      }
      for (const params of [{ q: "nobody-by-this-name" }, { q: "deadbeef" }, { q: "nobody-by-this-name", sort: "joined" }]) {
        counted.reset();
        expect(await listPeople(counted.db, parsePeopleFilter(params))).toEqual({ rows: [], total: 0, more: false, page: 1, pages: 1 });
        expect(counted.queries).toHaveLength(1);
      }
    } finally {
      await counted.close();
    }
  });

  it("filters by status, membership type, committee, training and field of study; sorts both ways; ignores junk parameters", async () => {
    const [applicant] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
    expect(await names({ status: String(applicant!.id) })).toEqual(["Andy"]);
    const [student] = await t.db.select().from(membershipTypes).where(eq(membershipTypes.key, "student"));
    await addMembership(t.db, t.ids.admin, t.ids.maria, { typeId: student!.id, validFrom: "2020-01-01" });
    expect(await names({ type: String(student!.id) })).toEqual(["Maria"]);
    const c = await createCommittee(t.db, t.ids.admin, { name: "Events team" });
    if (!c.ok) throw new Error(c.message);
    const f = await createFunction(t.db, t.ids.admin, { committeeId: c.committeeId, name: "Lead" });
    if (!f.ok) throw new Error(f.message);
    await assignFunction(t.db, t.ids.admin, { functionId: f.functionId, personId: t.ids.trainer, since: "2020-01-01" });
    expect(await names({ committee: String(c.committeeId) })).toEqual(["Tom"]);
    const [laser] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
    expect((await names({ trained: String(laser!.id) })).sort()).toEqual(["Mario", "Tom"]);
    const design = await createStudyField(t.db, t.ids.admin, "Industrial design");
    if (!design.ok) throw new Error(design.message);
    await t.db.insert(profileStudies).values([
      { personId: t.ids.maria, fieldId: design.id, startYear: 2019, endYear: 2023 },
      { personId: t.ids.member, fieldId: design.id, startYear: 2024 },
    ]);
    expect((await names({ study: String(design.id) })).sort()).toEqual(["Maria", "Mario"]);
    expect(await names({ study: String(design.id), type: String(student!.id) })).toEqual(["Maria"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Tom", "Mario", "Maria", "Andy", "Ada"]);
    expect(await names({ sort: "bogus", status: "x", page: "-3" })).toEqual(["Ada", "Andy", "Maria", "Mario", "Tom"]);
  });

  it("exports the filtered list as CSV (formula-safe) and as a mailing list", async () => {
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    await t.db.update(profiles).set({ lastName: "=HYPERLINK(1)" }).where(eq(profiles.personId, t.ids.trainer));
    // Joined at 23:30 UTC on 1 June: the 2nd on the calendar of a space in Vienna, the 1st in New York.
    await t.db
      .update(people)
      .set({ joinedOn: new Date("2026-06-01T23:30:00Z") })
      .where(eq(people.id, t.ids.trainer));
    const rows = await listAllPeople(t.db, parsePeopleFilter({ status: String(member!.id) }));
    const csv = peopleToCsv(translator("en"), rows, "Europe/Vienna");
    expect(csv.split("\r\n")[0]).toBe("Member number,First name,Last name,Email,Status,Joined on");
    expect(peopleToCsv(translator("nl"), rows, "Europe/Vienna").split("\r\n")[0]).toBe("Lidnummer,Voornaam,Achternaam,E-mail,Status,Lid sinds");
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(csv).toMatch(/HYPERLINK\(1\),[^,]*,member,2026-06-02\r\n/);
    expect(peopleToCsv(translator("en"), rows, "America/New_York")).toMatch(/HYPERLINK\(1\),[^,]*,member,2026-06-01\r\n/);
    expect(
      mailingList([...rows, ...rows, { email: null }])
        .split("\n")
        .filter(Boolean)
        .sort(),
    ).toEqual(["admin@makerspace.local", "maria@makerspace.local", "member@makerspace.local", "trainer@makerspace.local"]);
  });
});

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

describe("CSV import", () => {
  const good = "firstName,lastName,email,phone,status,cardUid\nLinus,Lind,linus@example.org,+43 1 2,member,0A0B0C0D\nEva,Ek,,,applicant,\n";

  it("previews, then writes all rows with uppercase card uids stored lowercase", async () => {
    const preview = await previewImport(t.db, good);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(2);
    expect(await commitImport(t.db, t.ids.admin, good)).toEqual({ ok: true, created: 2, skipped: 0 });
    const [card] = await t.db.select().from(cards).where(eq(cards.uid, "0a0b0c0d"));
    expect(card).toBeTruthy();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.changeType, "person.import"))).length).toBe(2);
  });

  it("names every broken row and field, and writes nothing", async () => {
    const before = (await t.db.select().from(people)).length;
    const broken = [
      "firstName;lastName;email;phone;status;cardUid",
      "Ok;Person;ok@example.org;;member;",
      ";NoFirst;nofirst@example.org;;member;",
      "Dup;Mail;MARIA@makerspace.local;;member;",
      "Bad;Card;bad@example.org;;member;12345",
      "Bad;Status;bs@example.org;;emperor;",
      "Taken;Card;tc@example.org;;member;EFBEADDE",
      "Short;Row",
    ].join("\n");
    const preview = await previewImport(t.db, broken);
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "firstName"],
      [4, "email"],
      [5, "cardUid"],
      [6, "status"],
      [7, "cardUid"],
      [8, ""],
      [8, "status"],
    ]);
    const result = await commitImport(t.db, t.ids.admin, broken);
    expect(result).toMatchObject({ ok: false, code: "rows" });
    expect((await t.db.select().from(people)).length).toBe(before);
    expect(await commitImport(t.db, t.ids.member, good)).toMatchObject({ code: "forbidden" });
  });

  it("refuses a file without the needed columns", async () => {
    expect((await previewImport(t.db, "name,mail\nx,y\n")).errors).toEqual([
      { line: 1, field: "firstName", message: 'the column "firstName" is missing' },
      { line: 1, field: "status", message: 'the column "status" is missing' },
    ]);
  });
});

describe("committees", () => {
  it("refuses a duplicate name and an invalid date range by field", async () => {
    expect(await createCommittee(t.db, t.ids.admin, { name: "Board" })).toMatchObject({ ok: true });
    expect(await createCommittee(t.db, t.ids.admin, { name: "Board" })).toMatchObject({ ok: false, code: "duplicate_name", field: "name" });
    const [board] = await t.db.select().from(committees).where(eq(committees.name, "Board"));
    const f = await createFunction(t.db, t.ids.admin, { committeeId: board!.id, name: "Chair" });
    if (!f.ok) throw new Error(f.message);
    expect(
      await assignFunction(t.db, t.ids.admin, { functionId: f.functionId, personId: t.ids.maria, since: "2025-05-01", until: "2025-04-01" }),
    ).toMatchObject({ ok: false, code: "date_range", field: "until" });
  });
});
