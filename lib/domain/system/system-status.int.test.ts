import { afterAll, beforeAll, expect, it } from "vitest";
import { brokerHeartbeats } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { brokerStatus, databaseSizes } from "./system-status";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

it("reports the database and table sizes (pg_database_size works on the embedded database too)", async () => {
  const sizes = await databaseSizes(t.db);
  expect(sizes.totalBytes).toBeGreaterThan(0);
  expect(sizes.tables.map((x) => x.name)).toContain("people");
  expect(sizes.tables.every((x) => x.bytes >= 0)).toBe(true);
});

it("reports brokers with requests per minute and spool depth from the heartbeat", async () => {
  const now = new Date("2026-01-01T12:00:00Z");
  await t.db.insert(brokerHeartbeats).values([
    { instanceId: "a", startedAt: new Date("2026-01-01T11:50:00Z"), lastSeenAt: new Date("2026-01-01T11:59:55Z"), connectedClients: 3, metrics: { received: 200, spoolDepth: 4 } },
    { instanceId: "b", startedAt: new Date("2026-01-01T08:00:00Z"), lastSeenAt: new Date("2026-01-01T09:00:00Z"), connectedClients: 0, metrics: {} },
  ]);
  const [a, b] = await brokerStatus(t.db, now);
  expect(a).toMatchObject({ instanceId: "a", alive: true, connectedClients: 3, spoolDepth: 4 });
  expect(a!.messagesPerMinute).toBeCloseTo(20.2, 1);
  expect(b).toMatchObject({ instanceId: "b", alive: false, spoolDepth: null, messagesPerMinute: 0 });
});
