import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog, loginAttempts } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { purgeExpired } from "./retention-purge";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

it("deletes login attempts and audit entries older than the retention periods, nothing newer", async () => {
  const now = new Date("2026-06-01T00:00:00Z");
  await t.db.insert(loginAttempts).values([
    { email: "a@b.c", ip: "1.2.3.4", at: new Date("2026-04-01T00:00:00Z") },
    { email: "a@b.c", ip: "1.2.3.4", at: new Date("2026-05-20T00:00:00Z") },
  ]);
  await t.db.insert(auditLog).values([
    { changeType: "old", entity: "x", at: new Date("2015-01-01T00:00:00Z") },
    { changeType: "new", entity: "x", at: new Date("2026-01-01T00:00:00Z") },
  ]);
  expect(await purgeExpired(t.db, { retentionLoginAttemptsDays: 30, retentionAuditMonths: 120 }, now)).toEqual({ loginAttempts: 1, auditEntries: 1 });
  expect((await t.db.select().from(auditLog)).map((r) => r.changeType)).toEqual(["new"]);
  expect(await t.db.select().from(loginAttempts)).toHaveLength(1);
});
