import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { equipmentTypes, membershipStatuses, membershipTypes, people, profileStudies, profiles } from "@/lib/db/schema";
import { assignFunction, createCommittee, createFunction } from "./committee-service";
import { addMembership } from "./membership-service";
import { mailingList, peopleToCsv } from "./people-export";
import { listAllPeople, listPeople, parsePeopleFilter } from "./people-list";
import { createStudyField } from "./study-fields";
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
