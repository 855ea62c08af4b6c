import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, brokerHeartbeats, cards, equipmentAuthorizations, people, profiles } from "@/lib/db/schema";
import { countingDb } from "@/lib/db/testing/query-counter";
import type { Permission } from "../access/permissions";
import { BOARD_VIEWER } from "./testing/viewers";
import type { Viewer } from "./visibility";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { getBrokerHealth } from "../system/health";
import { getMemberOverview } from "./member-overview";
import { searchPeople } from "./search-people";

let t: DemoDatabase;
let mario = 0;

beforeAll(async () => {
  t = await createDemoDatabase();
  const [acc] = await t.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
  mario = acc!.personId;
});
afterAll(() => t?.close());

describe("getMemberOverview", () => {
  it("shows status, member number, cards and only current authorizations", async () => {
    // A revoked and an expired authorization must not show up.
    const [auth] = await t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, mario));
    await t.db.insert(equipmentAuthorizations).values([
      { personId: mario, equipmentTypeId: auth!.equipmentTypeId, level: "trainer", source: "grant", revokedAt: new Date() },
      { personId: mario, equipmentTypeId: auth!.equipmentTypeId, level: "owner", source: "grant", expiresAt: new Date(Date.now() - 1000) },
    ]);
    await t.db.insert(cards).values({ uid: "0badcafe", personId: mario, state: "lost" });
    const overview = await getMemberOverview(t.db, mario);
    expect(overview).toMatchObject({ firstName: "Mario", status: { key: "member" }, memberNumber: expect.any(Number) });
    expect(overview!.cards.map((c) => [c.uid, c.state])).toEqual([
      ["efbeadde", "active"],
      ["0badcafe", "lost"],
    ]);
    expect(overview!.equipment.map((e) => [e.equipmentType, e.level]).sort()).toEqual([
      ["Laser cutter", "user"],
      ["Makerspace membership", "user"],
    ]);
  });

  it("is null for an unknown person", async () => {
    expect(await getMemberOverview(t.db, 999_999)).toBeNull();
  });
});

describe("searchPeople", () => {
  const names = async (query: string) => (await searchPeople(t.db, BOARD_VIEWER, { query })).rows.map((r) => r.firstName);

  it("finds by name, email, member number and card uid", async () => {
    expect(await names("huber")).toEqual(["Maria"]);
    expect(await names("Mario Rossi")).toEqual(["Mario"]);
    expect(await names("trainer@")).toEqual(["Tom"]);
    const [p] = await t.db.select().from(people).where(eq(people.id, mario));
    expect(await names(String(p!.memberNumber))).toEqual(["Mario"]);
    expect(await names("EFBEADDE")).toEqual(["Mario"]);
    expect(await names("%")).toEqual([]);
  });

  it("paginates", async () => {
    const first = await searchPeople(t.db, BOARD_VIEWER, { pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.rows).toHaveLength(2);
    const last = await searchPeople(t.db, BOARD_VIEWER, { pageSize: 2, page: 99 });
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(1);
    expect(await searchPeople(t.db, BOARD_VIEWER, { query: "nobody-by-this-name", page: 3 })).toEqual({ rows: [], total: 0, more: false, page: 1, pages: 1 });
  });

  it("asks the database once: the total, counted no further than the cap, with the page, also when nothing is found", async () => {
    const counted = countingDb(t.url);
    try {
      await searchPeople(counted.db, BOARD_VIEWER, { query: "a" }); // the connection's own first questions (types) not counted
      counted.reset();
      const found = await searchPeople(counted.db, BOARD_VIEWER, { query: "a", pageSize: 2 });
      expect(found.rows).toHaveLength(2);
      expect(found.total).toBeGreaterThan(2);
      expect(found.more).toBe(false);
      expect(counted.queries).toHaveLength(1);
      expect(counted.queries[0]).toMatch(/count\(\*\)[\s\S]*limit \$\d+\)/i);
      // The count reads the matches with a profile from profiles, not every match gathered into `people.id in (…)`.
      expect(counted.queries[0]).not.toMatch(/"people"\."id" in \(/);
      for (const query of ["nobody-by-this-name", "deadbeef"]) {
        counted.reset();
        expect(await searchPeople(counted.db, BOARD_VIEWER, { query })).toEqual({ rows: [], total: 0, more: false, page: 1, pages: 1 });
        expect(counted.queries).toHaveLength(1);
      }
    } finally {
      await counted.close();
    }
  });

  describe("as a viewer who may not see everything", () => {
    // An equipment manager who is no board member (a custom role): names at "members", emails at "board" by default.
    const viewer = (...permissions: Permission[]): Viewer => ({ personId: null, permissions: new Set<Permission>(["equipment.manage", ...permissions]) });
    const outsider = viewer();
    const member = viewer("directory.read");
    const found = async (v: Viewer, query: string) => (await searchPeople(t.db, v, { query })).rows.map((r) => [r.personId, r.firstName, r.email]);
    let number = 0;
    beforeAll(async () => {
      number = (await t.db.select().from(people).where(eq(people.id, mario)))[0]!.memberNumber!;
    });

    it("finds people only by the fields the viewer may see, and shows only those", async () => {
      // The name is for members: the outsider finds nobody by it, a member does.
      expect(await found(outsider, "rossi")).toEqual([]);
      expect(await found(member, "rossi")).toEqual([[mario, "Mario", null]]);
      // The email is for the board: nobody else finds Mario by it, though it is in the same search text.
      expect(await found(member, "member@makerspace")).toEqual([]);
      expect(await found(BOARD_VIEWER, "member@makerspace")).toEqual([[mario, "Mario", "member@makerspace.local"]]);
      // The member number is not private: found, the name still hidden from the outsider.
      expect(await found(outsider, String(number))).toEqual([[mario, null, null]]);
      // Card uids only for those who manage people.
      expect(await found(member, "EFBEADDE")).toEqual([]);
      expect(await found({ personId: null, permissions: new Set<Permission>(["members.write"]) }, "EFBEADDE")).toEqual([[mario, null, null]]);
    });

    it("orders by the name shown, so a hidden name's place tells nothing", async () => {
      const all = await searchPeople(t.db, member, { pageSize: 50 });
      await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, mario));
      try {
        const hidden = await searchPeople(t.db, member, { pageSize: 50 });
        expect(hidden.total).toBe(all.total);
        // Mario's row moves to the end, nameless, and the others keep their order.
        expect(hidden.rows.at(-1)).toMatchObject({ personId: mario, firstName: null, lastName: null });
        expect(hidden.rows.slice(0, -1).map((r) => r.personId)).toEqual(all.rows.map((r) => r.personId).filter((id) => id !== mario));
        expect(await found(member, "rossi")).toEqual([]);
      } finally {
        await t.db
          .update(profiles)
          .set({ boardOnly: false })
          .where(inArray(profiles.personId, [mario]));
      }
    });
  });
});

describe("getBrokerHealth", () => {
  it("is down without a recent heartbeat, up with one", async () => {
    expect(await getBrokerHealth(t.db)).toEqual({ ok: false, lastSeenAt: null, connectedClients: 0, spoolWritable: true });
    const now = new Date();
    await t.db.insert(brokerHeartbeats).values([
      { instanceId: "a", startedAt: now, lastSeenAt: now, connectedClients: 3 },
      { instanceId: "old", startedAt: now, lastSeenAt: new Date(now.getTime() - 60_000), connectedClients: 7 },
    ]);
    expect(await getBrokerHealth(t.db, now)).toEqual({ ok: true, lastSeenAt: now.toISOString(), connectedClients: 3, spoolWritable: true });
  });
});
