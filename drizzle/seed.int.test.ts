import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { accounts, cards, machines, membershipStatuses, people, permissions, profiles } from "@/lib/db/schema";
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
});
