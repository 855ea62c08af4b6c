import type { MqttClient } from "mqtt";
import pino from "pino";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { startBroker, type RunningBroker, type StartBrokerOptions } from "../broker";

export interface BrokerFixture {
  database: DemoDatabase;
  broker: RunningBroker;
  /** Remembers a board client so close() ends it too. */
  track(client: MqttClient): MqttClient;
  /** Reloads the broker's decision snapshot now, after a test changed the database directly. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database with the demo seed (machines 1–3) and a real broker on a free port. Without a spool (no DATA_DIR),
 * a board's write gets 20 s here instead of the board's 1.5 s budget: on a loaded machine a write that misses it is
 * cancelled and left unanswered by design, which tests of what gets recorded must not depend on (tests of the budget
 * itself pass `unspooledWriteMs`).
 */
export async function startBrokerFixture(
  options: Pick<
    StartBrokerOptions,
    | "heartbeatIntervalMs"
    | "policy"
    | "commandPollMs"
    | "presenceFlushMs"
    | "maxConnectionsPerAddress"
    | "connectTimeoutMs"
    | "loginThrottle"
    | "handlers"
    | "unspooledWriteMs"
  > = {},
): Promise<BrokerFixture> {
  const database = await createDemoDatabase();
  const clients: MqttClient[] = [];
  try {
    const broker = await startBroker({
      db: database.db,
      port: 0,
      host: "127.0.0.1",
      logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
      unspooledWriteMs: 20_000,
      ...options,
    });
    return {
      database,
      broker,
      refresh: async () => broker.offline.snapshot?.refresh(),
      track(client) {
        clients.push(client);
        return client;
      },
      async close() {
        await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
        await broker.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
