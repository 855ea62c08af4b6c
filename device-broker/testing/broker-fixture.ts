import type { MqttClient } from "mqtt";
import pino from "pino";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { startBroker, type RunningBroker, type StartBrokerOptions } from "../broker";

export interface BrokerFixture {
  database: TestDatabase;
  broker: RunningBroker;
  /** Remembers a board client so close() ends it too. */
  track(client: MqttClient): MqttClient;
  /** Reloads the broker's decision snapshot now, after a test changed the database directly. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database with the demo seed (machines 1–3) and a real broker on a free port. */
export async function startBrokerFixture(
  options: Pick<
    StartBrokerOptions,
    "heartbeatIntervalMs" | "policy" | "commandPollMs" | "presenceFlushMs" | "maxConnectionsPerAddress" | "connectTimeoutMs" | "loginThrottle" | "handlers"
  > = {},
): Promise<BrokerFixture> {
  const database = await createTestDatabase();
  const clients: MqttClient[] = [];
  try {
    await ensureReferenceData(database.db);
    await seedDemoData(database.db, "demo-password-123");
    const broker = await startBroker({
      db: database.db,
      port: 0,
      host: "127.0.0.1",
      logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
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
