import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { startBroker, type RunningBroker } from "./broker";
import { openPolicy } from "./policy";
import { connectBoard, listen } from "./testing/board-client";
import { waitFor } from "./testing/replies";

// A database that refuses every connection: a port we opened and closed again, so nothing listens there.
async function deadPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let database: DbHandle;
let broker: RunningBroker;
beforeAll(async () => {
  database = createDb(`postgres://nobody@127.0.0.1:${await deadPort()}/none`, { max: 1, connectTimeoutSeconds: 1 });
  broker = await startBroker({
    db: database.db,
    port: 0,
    host: "127.0.0.1",
    logger: pino({ level: "silent" }),
    heartbeatIntervalMs: 50,
    // The machine policy cannot read board credentials from a dead database; this test is about the handlers.
    policy: openPolicy(),
  });
});
afterAll(async () => {
  await broker.close();
  await database.close();
});

describe("device broker without a database", () => {
  it("sends no wrong answer, counts the failure, and does not crash", { timeout: 150_000 }, async () => {
    const client = await connectBoard(broker.port, 301);
    try {
      const replies = await listen(client, "machine/1/reply");
      client.publish("machine/1", '{"action":"checkmachine"}', { qos: 0 });
      // The failing query waits behind the broker's own (failing) background queries: wait for it, not a fixed time.
      // postgres.js backs off reconnecting (up to 20 s): generous upper bounds, not timings.
      await waitFor("the request to fail", async () => broker.metrics.failed >= 1, 60_000);
      expect(broker.metrics.failed).toBe(1);
      expect(broker.metrics.answered).toBe(0);
      // alive is never answered, database or not
      client.publish("machine/1", '{"action":"alive","version":"x"}', { qos: 0 });
      await waitFor("alive to fail", async () => broker.metrics.failed >= 2, 60_000);
      expect(replies).toEqual([]);
    } finally {
      await client.endAsync(true);
    }
  });
});
