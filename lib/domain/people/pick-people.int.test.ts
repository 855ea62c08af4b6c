import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, people, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { demoWorld, type DemoWorld } from "../training/testing/training-fixture";
import { countingDb } from "@/lib/db/testing/query-counter";
import { analyzedPlan } from "@/lib/db/testing/analyzed-plan";
import { maskEmail, pickPeople } from "./pick-people";
import { resolvePersonRef } from "./person-ref";
import type { Viewer } from "./visibility";

let w: DemoWorld;
let admin: Viewer & { personId: number };
/** Mario keeps the inventory: he may lend things, but sees people only as a fellow member does. */
let keeper: Viewer & { personId: number };
let mariaNumber: number;
beforeAll(async () => {
  w = await demoWorld();
  admin = { personId: w.ids.admin, permissions: await permissionsOfPerson(w.t.db, w.ids.admin) };
  keeper = { personId: w.ids.member, permissions: new Set<Permission>(["directory.read", "inventory.write"]) };
  mariaNumber = (await w.t.db.select().from(people).where(eq(people.id, w.ids.maria)))[0]!.memberNumber!;
});
afterAll(() => w?.t.close());

const ids = (r: Awaited<ReturnType<typeof pickPeople>>) => (r.ok ? r.people.map((p) => p.personId) : r.code);
const mariaShows = (visibility: Record<string, string>) => w.t.db.update(profiles).set({ visibility }).where(eq(profiles.personId, w.ids.maria));

describe("the people picker's search", () => {
  it("answers only those holding the permission of what the picker is for", async () => {
    const member: Viewer & { personId: number } = { personId: w.ids.maria, permissions: await permissionsOfPerson(w.t.db, w.ids.maria) };
    expect(await pickPeople(w.t.db, member, "borrower", "Maria")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await pickPeople(w.t.db, keeper, "card", "Maria")).toMatchObject({ ok: false, code: "forbidden" });
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "Maria"))).toEqual([w.ids.maria]);
    expect(ids(await pickPeople(w.t.db, admin, "card", "Maria"))).toEqual([w.ids.maria]);
  });

  it("shows enough to tell people apart, and only what the viewer may see of each", async () => {
    await mariaShows({});
    const seen = await pickPeople(w.t.db, keeper, "borrower", "huber");
    // Name for members by default; the email is for the board only.
    expect(seen).toEqual({
      ok: true,
      people: [{ personId: w.ids.maria, name: "Maria Huber", memberNumber: mariaNumber, statusKey: "member", statusName: "Member", email: null }],
    });
    expect(await pickPeople(w.t.db, admin, "borrower", "huber")).toMatchObject({ ok: true, people: [{ name: "Maria Huber", email: "ma…@makerspace.local" }] });
    expect(maskEmail("x@example.org")).toBe("x…@example.org");
  });

  it("never finds a person by a field the viewer may not see, nor by card unless they manage people", async () => {
    // Maria's email is the board's: typing it tells the keeper nothing; the board finds her.
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "maria@makerspace"))).toEqual([]);
    expect(ids(await pickPeople(w.t.db, admin, "borrower", "maria@makerspace"))).toEqual([w.ids.maria]);
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "c0000003"))).toEqual([]);
    expect(ids(await pickPeople(w.t.db, admin, "card", "C0000003"))).toEqual([w.ids.maria]);

    // Only the board may see her name: the keeper cannot find her by it, by number only, and without the name.
    await mariaShows({ name: "board" });
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "Maria"))).toEqual([]);
    expect(await pickPeople(w.t.db, keeper, "borrower", `#${mariaNumber}`)).toMatchObject({
      ok: true,
      people: [{ personId: w.ids.maria, name: null, memberNumber: mariaNumber }],
    });
    expect(ids(await pickPeople(w.t.db, admin, "borrower", "Maria"))).toEqual([w.ids.maria]);
    await mariaShows({});
  });

  it("finds someone by the email they log in with only for those who manage people (it may differ from the one shown)", async () => {
    const [login] = await w.t.db.select().from(accounts).where(eq(accounts.personId, w.ids.maria));
    await mariaShows({ email: "members" });
    await w.t.db.update(accounts).set({ email: "maria.private@home.example" }).where(eq(accounts.personId, w.ids.maria));
    try {
      expect(ids(await pickPeople(w.t.db, keeper, "borrower", "maria.private"))).toEqual([]);
      expect(ids(await pickPeople(w.t.db, keeper, "borrower", "maria@makerspace"))).toEqual([w.ids.maria]); // the email she shows
      expect(ids(await pickPeople(w.t.db, admin, "borrower", "maria.private"))).toEqual([w.ids.maria]);
    } finally {
      await w.t.db.update(accounts).set({ email: login!.email }).where(eq(accounts.personId, w.ids.maria));
      await mariaShows({});
    }
  });

  it("finds the one picked by id, offers nobody erased, and reads typed references the same way forms do", async () => {
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", `person:${w.ids.maria}`))).toEqual([w.ids.maria]);
    expect(await pickPeople(w.t.db, keeper, "borrower", "person:x")).toMatchObject({ ok: false, code: "invalid" });
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "  "))).toEqual([]);
    expect(ids(await pickPeople(w.t.db, keeper, "borrower", "50%_\0"))).toEqual([]);
    await w.t.db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, w.ids.applicant));
    expect(ids(await pickPeople(w.t.db, admin, "card", "applicant@makerspace.local"))).toEqual([]);

    expect(await resolvePersonRef(w.t.db, `person:${w.ids.maria}`)).toBe(w.ids.maria);
    expect(await resolvePersonRef(w.t.db, `#${mariaNumber}`)).toBe(w.ids.maria);
    expect(await resolvePersonRef(w.t.db, String(mariaNumber))).toBe(w.ids.maria);
    expect(await resolvePersonRef(w.t.db, "MARIA@makerspace.local")).toBe(w.ids.maria);
    expect(await resolvePersonRef(w.t.db, "maria@makerspace.local", { byEmail: false })).toBeNull();
    expect(await resolvePersonRef(w.t.db, "Maria")).toBeNull();
  });

  it("finds the people the viewer may find even behind many hidden ones, shown in the order of the names shown", async () => {
    // 61 people whose names only the board sees, before Zoe by name: the search once took 60 candidates in the
    // real names' order and dropped the hidden ones afterwards, so Zoe was never offered to the keeper.
    const crowd = (await w.t.db.execute(sql`
      insert into people (member_number, status_id)
      select nextval('member_number_seq'), (select status_id from people where id = ${w.ids.maria}) from generate_series(1, 62) returning id`)) as unknown as {
      id: number;
    }[];
    const ids_ = crowd.map((r) => r.id);
    try {
      await w.t.db
        .insert(profiles)
        .values(
          ids_.map((id, i) =>
            i < 61 ? { personId: id, firstName: "Hidden", lastName: `Aacrowd${i}`, boardOnly: true } : { personId: id, firstName: "Zoe", lastName: "Zzcrowd" },
          ),
        );
      expect(await pickPeople(w.t.db, keeper, "borrower", "crowd")).toMatchObject({ ok: true, people: [{ personId: ids_[61], name: "Zoe Zzcrowd" }] });
      // One statement, also where the named part is not a full page and the nameless part follows it: a person
      // without a profile (found by member number) comes after the named ones.
      const [ghost] = await w.t.db
        .insert(people)
        .values({ memberNumber: 990_001, statusId: (await w.t.db.select().from(people).where(eq(people.id, w.ids.maria)))[0]!.statusId })
        .returning();
      ids_.push(ghost!.id);
      const counted = countingDb(w.t.url);
      try {
        await pickPeople(counted.db, keeper, "borrower", "crowd"); // the connection's own first questions (types) not counted
        for (const [viewer, text, expected] of [
          [keeper, "crowd", [ids_[61]]],
          [admin, String(ghost!.memberNumber), [ghost!.id]],
          [admin, "nobody-by-this-name", []],
        ] as const) {
          counted.reset();
          expect(ids(await pickPeople(counted.db, viewer, "borrower", text))).toEqual(expected);
          expect(counted.queries).toHaveLength(1);
          // In the statement's own order (named by name, then the nameless by id), not the one its UNION ALL hands
          // the parts on in: sorting is its last step, whatever the plan.
          const plan = await analyzedPlan(w.t.url, counted.queries[0]!, counted.parameters[0]!);
          expect(["Sort", "Incremental Sort", "Merge Append"]).toContain(plan["Node Type"]);
        }
      } finally {
        await counted.close();
      }
      // The board sees them all: ten, by name.
      const all = await pickPeople(w.t.db, admin, "borrower", "crowd");
      expect(all.ok && all.people.map((p) => p.name)).toEqual(
        Array.from({ length: 61 }, (_, i) => `Hidden Aacrowd${i}`)
          .sort()
          .slice(0, 10),
      );
    } finally {
      await w.t.db.delete(people).where(inArray(people.id, ids_));
    }
  });
});
