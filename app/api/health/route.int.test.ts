import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerHeartbeats } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";

let t: TestDatabase;

// The route reads DATABASE_URL through lib/env on first use; point it at this file's own database first.
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
});
afterAll(() => t?.close());

describe("GET /api/health", () => {
  it("answers 200 with database and broker status", async () => {
    const { GET } = await import("./route");
    let response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: { ok: true },
      broker: { ok: false, lastSeenAt: null, connectedClients: 0, spoolWritable: true },
    });

    const now = new Date();
    await t.db.insert(brokerHeartbeats).values({ instanceId: "test", startedAt: now, lastSeenAt: now, connectedClients: 2 });
    response = await GET();
    expect(await response.json()).toMatchObject({ broker: { ok: true, lastSeenAt: now.toISOString(), connectedClients: 2 } });
  });
});
