import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { brokerHeartbeats, roles } from "@/lib/db/schema";
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

it("counts the rows of each table, also where the planner never analysed it (the embedded database)", async () => {
  await t.db
    .insert(brokerHeartbeats)
    .values([1, 2, 3].map((i) => ({ instanceId: `count-${i}`, startedAt: new Date(), lastSeenAt: new Date(), connectedClients: 0, metrics: {} })));
  const [{ n: roleCount } = { n: "0" }] = await t.db.execute<{ n: string }>(sql`select count(*)::text as n from ${roles}`);
  const sizes = await databaseSizes(t.db);
  const of = (name: string) => sizes.tables.find((x) => x.name === name);
  expect(of("broker_heartbeats")).toMatchObject({ rows: 3, exact: true });
  expect(of("roles")).toMatchObject({ rows: Number(roleCount), exact: true });
  await t.db.delete(brokerHeartbeats);
});

it("reports brokers with requests per minute and spool depth from the heartbeat", async () => {
  const now = new Date("2026-01-01T12:00:00Z");
  await t.db.insert(brokerHeartbeats).values([
    {
      instanceId: "a",
      startedAt: new Date("2026-01-01T11:50:00Z"),
      lastSeenAt: new Date("2026-01-01T11:59:55Z"),
      connectedClients: 3,
      metrics: { received: 200, spoolDepth: 4 },
    },
    { instanceId: "b", startedAt: new Date("2026-01-01T08:00:00Z"), lastSeenAt: new Date("2026-01-01T09:00:00Z"), connectedClients: 0, metrics: {} },
  ]);
  const [a, b] = await brokerStatus(t.db, now);
  expect(a).toMatchObject({ instanceId: "a", alive: true, connectedClients: 3, spoolDepth: 4 });
  expect(a!.messagesPerMinute).toBeCloseTo(20.2, 1);
  expect(b).toMatchObject({ instanceId: "b", alive: false, spoolDepth: null, messagesPerMinute: 0 });
});
