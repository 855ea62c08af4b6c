import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { BROKER_NODE_FLAGS, ensureBrokerBundle } from "@/scripts/launcher/broker-bundle";
import type { ChildMessage, ChildRequest } from "./broker-child";
import { announceSettledCount } from "./child-settled";

export type BrokerMemory = Extract<ChildMessage, { type: "memory" }>;

export interface BrokerProcess {
  port: number;
  child: ChildProcess;
  /** Memory after two full GCs, plus counters; rejects if the process is gone. */
  memory(): Promise<BrokerMemory>;
  /** Resolves once the broker has settled `count` publishes of the client `clientId` (its id as sent); rejects if the process is gone. */
  settled(clientId: string, count: number): Promise<void>;
  /** True while the process runs (a crash sets an exit code). */
  alive(): boolean;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Starts broker-child.ts over `databaseUrl` and resolves once it listens. Compiled, in plain Node, as the start
 * scripts run the broker: its memory is then what production sees, not the TypeScript loader's.
 */
export async function startBrokerProcess(databaseUrl: string, mode: "real" | "floor" = "real", logLevel = "silent"): Promise<BrokerProcess> {
  const child = fork(await ensureBrokerBundle(ROOT, "child"), [JSON.stringify({ databaseUrl, mode, logLevel })], {
    execArgv: [...BROKER_NODE_FLAGS, "--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  const next = <T extends ChildMessage["type"]>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`broker process exited (code ${code})`));
      };
      const cleanup = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const request = (message: ChildRequest) => child.send(message);
  let asks = 0;
  const settled = (clientId: string, count: number) =>
    new Promise<void>((resolve, reject) => {
      const ask = ++asks;
      const onMessage = (message: ChildMessage) => {
        if (message.type !== "settled" || message.ask !== ask) return;
        cleanup();
        resolve();
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`broker process exited (code ${code}) before it settled ${count} publishes of ${clientId}`));
      };
      const cleanup = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      request({ type: "settled", ask, clientId, count });
    });
  const { port } = await next("ready");
  const forget = announceSettledCount(port, settled);
  child.once("exit", forget);
  return {
    port,
    child,
    memory() {
      const reply = next("memory");
      request({ type: "memory" });
      return reply;
    },
    settled,
    alive: () => !exited,
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      request({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
