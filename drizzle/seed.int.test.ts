import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { accounts, cards, inventoryLocations, machines, membershipStatuses, newsPosts, people, permissions, polls, profiles, things } from "@/lib/db/schema";
import { createTestDatabase as freshDatabase } from "@/lib/db/testing/test-database";
import { openSince } from "@/lib/domain/community/open-status";
import { openLoansOf } from "@/lib/domain/community/member-widgets";
import { loadDashboard } from "@/lib/domain/machines/dashboard";
import { listNews } from "@/lib/domain/community/news";
import { listPolls } from "@/lib/domain/community/polls/poll-queries";
import { locationPath } from "@/lib/domain/inventory/locations";
import { verifyPassword } from "@/lib/domain/auth/passwords";
import { ensureReferenceData } from "./reference-data";
import { isDatabaseEmpty, seedDemoData } from "./seed";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("reference data and demo seed", () => {
  it("creates reference data once, however often it runs", async () => {
    await ensureReferenceData(t.db);
    await ensureReferenceData(t.db);
    const [statuses] = await t.db.select({ n: count() }).from(membershipStatuses);
    const [perms] = await t.db.select({ n: count() }).from(permissions);
    expect(statuses!.n).toBe(5);
    expect(perms!.n).toBeGreaterThanOrEqual(10);
  });

  it("seeds people with separate profiles, hashed logins, cards and board machines 1-3", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const seed = await seedDemoData(t.db, "demo-password-123");
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    expect(seed.logins.map((l) => l.role)).toContain("admin");
    const [p] = await t.db.select({ n: count() }).from(people);
    const [pr] = await t.db.select({ n: count() }).from(profiles);
    expect(p!.n).toBe(pr!.n);
    const [account] = await t.db.select().from(accounts).limit(1);
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(account!.passwordHash, "demo-password-123")).toBe(true);
    const boardIds = (await t.db.select().from(machines)).map((m) => m.boardId).sort();
    expect(boardIds).toEqual([1, 2, 3]);
    const uids = (await t.db.select().from(cards)).map((c) => c.uid);
    expect(uids).toContain("efbeadde");
  });

  it("without the showcase (test fixtures): no inventory, news or polls", async () => {
    for (const table of [things, inventoryLocations, newsPosts, polls]) {
      const [n] = await t.db.select({ n: count() }).from(table);
      expect(n!.n).toBe(0);
    }
  });

  it("with the showcase (npm start): every start-page widget has something to show", async () => {
    const s = await freshDatabase();
    try {
      await ensureReferenceData(s.db);
      await seedDemoData(s.db, "demo-password-123", { showcase: true });
      const [admin] = await s.db.select().from(accounts).where(eq(accounts.email, "admin@makerspace.local"));
      const [member] = await s.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
      const box = (await s.db.select().from(inventoryLocations)).find((l) => l.kind === "box")!;
      expect((await locationPath(s.db, box.id)).map((l) => l.kind)).toEqual(["room", "shelf", "box"]);
      const [thingCount] = await s.db.select({ n: count() }).from(things);
      expect(thingCount!.n).toBeGreaterThanOrEqual(3);
      expect(await openLoansOf(s.db, member!.personId)).toEqual([expect.objectContaining({ thingName: "Hot glue gun" })]);
      expect(await listNews(s.db, null, 5)).toHaveLength(1);
      const open = (await listPolls(s.db, member!.personId)).filter((p) => p.phase === "open");
      expect(open).toHaveLength(1);
      expect(await openSince(s.db)).toMatchObject({ open: true });
      expect((await loadDashboard(s.db)).tiles.length).toBe(3);
      expect(admin).toBeDefined();
    } finally {
      await s.close();
    }
  });
});
