/**
 * A device broker in its own process, for the fuzz test and the benchmark: its memory and its crash (or not)
 * are its own, and on two cores it does not share an event loop with the clients hammering it.
 * Started by broker-process.ts compiled (scripts/launcher/broker-bundle.ts) with `node --expose-gc`; talks over IPC.
 */
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { startBroker } from "../broker";
import { defaultHandlers } from "../handlers/dispatch";
import type { HandlerRegistry } from "../handlers/types";
import { settledMessagesOn } from "../settled-messages";

export type ChildRequest =
  | { type: "memory" }
  | { type: "close" }
  /** Answered (`settled`, same `ask`) once the broker has settled `count` publishes of the client `clientId`. */
  | { type: "settled"; ask: number; clientId: string; count: number };
export type ChildMessage =
  | { type: "ready"; port: number }
  | { type: "settled"; ask: number }
  | { type: "memory"; rss: number; heapUsed: number; heapTotal: number; external: number; connectedClients: number; metrics: Record<string, number> };

interface ChildConfig {
  databaseUrl: string;
  /** "floor": checkuser answered from memory, no database work — the round trip's lower bound. */
  mode: "real" | "floor";
  /** pino level for the child's log on stderr; "silent" by default. */
  logLevel?: string;
}

const FLOOR_HANDLERS: HandlerRegistry = {
  ...defaultHandlers,
  checkuser: async () => ({ reply: { request_ok: true, is_valid: true, name: "Floor", missing_auth: false, level: 1 } }),
};

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as ChildConfig;
  const database = createDb(config.databaseUrl, { max: 5 });
  const broker = await startBroker({
    db: database.db,
    port: 0,
    host: "127.0.0.1",
    logger: pino({ level: config.logLevel ?? "silent" }, pino.destination(2)),
    handlers: config.mode === "floor" ? FLOOR_HANDLERS : defaultHandlers,
  });
  const send = (message: ChildMessage) => process.send!(message);
  // The broker's own signal that it is done with a publish (settled-messages.ts), counted per client as it sent its
  // id: the parent awaits a count instead of polling the counters until they stop moving.
  const settledCounts = new Map<string, number>();
  const waiting = new Set<{ ask: number; clientId: string; count: number }>();
  const answer = (ask: { ask: number; clientId: string; count: number }) => {
    if ((settledCounts.get(ask.clientId) ?? 0) < ask.count) return false;
    waiting.delete(ask);
    send({ type: "settled", ask: ask.ask });
    return true;
  };
  settledMessagesOn(broker.port)!.on("settled", ({ clientId }) => {
    settledCounts.set(clientId, (settledCounts.get(clientId) ?? 0) + 1);
    for (const ask of waiting) if (ask.clientId === clientId) answer(ask);
  });
  process.on("message", (message: ChildRequest) => {
    if (message.type === "settled") {
      const ask = { ask: message.ask, clientId: message.clientId, count: message.count };
      if (!answer(ask)) waiting.add(ask);
    } else if (message.type === "memory") {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      send({ type: "memory", rss, heapUsed, heapTotal, external, connectedClients: broker.connectedClients(), metrics: broker.metrics.snapshot() });
    } else if (message.type === "close") {
      void broker
        .close()
        .then(() => database.close())
        .finally(() => process.exit(0));
    }
  });
  // The parent gone means nobody will ever close us.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", port: broker.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
