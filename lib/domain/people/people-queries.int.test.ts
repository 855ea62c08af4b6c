import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, brokerHeartbeats, cards, equipmentAuthorizations, people } from "@/lib/db/schema";
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
  const names = async (query: string) => (await searchPeople(t.db, { query })).rows.map((r) => r.firstName);

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
    const first = await searchPeople(t.db, { pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.rows).toHaveLength(2);
    const last = await searchPeople(t.db, { pageSize: 2, page: 99 });
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(1);
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
