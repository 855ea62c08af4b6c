import mqtt, { type MqttClient } from "mqtt";
import pino from "pino";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { startBroker, type RunningBroker } from "@/device-broker/broker";
import { defaultHandlers } from "@/device-broker/handlers/dispatch";
import type { HandlerRegistry } from "@/device-broker/handlers/types";
import { openPolicy, type BrokerPolicy } from "@/device-broker/policy";

/** The one client id allowed to publish remote commands in these tests (the web UI's role). */
export const COMMANDER_ID = "SIM-TEST-COMMANDER";

export interface SimBroker {
  database: DemoDatabase;
  broker: RunningBroker;
  url: string;
  /** Every board message (topic machine/<id>) seen by an observer subscribed to machine/+, in order. */
  seen: { topic: string; body: Record<string, unknown> }[];
  /** Sends a remote command to machine/<id>/request as the backend would. */
  command(machineId: number, body: Record<string, unknown>): Promise<void>;
  /**
   * Holds every board's (BOARD<n>) subscription until the returned function is called: the board is connected
   * (CONNACK) but not yet through its connect sequence. `held` counts the subscriptions waiting.
   */
  holdBoardSubscriptions(): () => void;
  readonly held: number;
  /** Stops the broker (boards see the network gone) and starts a new one on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A real broker on a free port over a fresh seeded database, plus an observer and a command sender. */
export async function startSimBroker(handlers: HandlerRegistry = defaultHandlers): Promise<SimBroker> {
  const database = await createDemoDatabase();
  const open = openPolicy();
  // The production policy lets nobody publish commands; the test commander stands in for the backend.
  let gate: Promise<void> | null = null;
  let held = 0;
  const policy: BrokerPolicy = {
    ...open,
    authorizePublish: (client, topic) => client.id === COMMANDER_ID || open.authorizePublish(client, topic),
    async authorizeSubscribe(client, topic) {
      if (gate && client.id.startsWith("BOARD")) {
        held++;
        await gate;
        held--;
      }
      return open.authorizeSubscribe(client, topic);
    },
  };
  const start = (port: number) =>
    startBroker({ db: database.db, port, host: "127.0.0.1", logger: pino({ level: "silent" }), policy, handlers, heartbeatIntervalMs: 60_000 });
  let broker = await start(0);
  const url = `mqtt://127.0.0.1:${broker.port}`;
  const seen: SimBroker["seen"] = [];
  let observer: MqttClient | null = null;
  const connectObserver = async () => {
    observer = await mqtt.connectAsync(url, { clientId: "SIM-TEST-OBSERVER", protocolVersion: 4, reconnectPeriod: 0 });
    observer.on("message", (topic, payload) => {
      if (topic.split("/").length === 2) seen.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> });
    });
    await observer.subscribeAsync("machine/+", { qos: 0 });
  };
  await connectObserver();
  return {
    database,
    get broker() {
      return broker;
    },
    url,
    seen,
    holdBoardSubscriptions() {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    get held() {
      return held;
    },
    async command(machineId, body) {
      const commander = await mqtt.connectAsync(url, { clientId: COMMANDER_ID, protocolVersion: 4, reconnectPeriod: 0 });
      await commander.publishAsync(`machine/${machineId}/request`, JSON.stringify(body), { qos: 0 });
      await commander.endAsync();
    },
    async stop() {
      await observer?.endAsync(true);
      await broker.close();
    },
    async restart() {
      broker = await start(Number(new URL(url).port));
      await connectObserver();
    },
    async close() {
      await observer?.endAsync(true).catch(() => {});
      await broker.close();
      await database.close();
    },
  };
}
