import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { BROKER_NODE_FLAGS, ensureBrokerBundle } from "@/scripts/launcher/broker-bundle";
import type { ChildMessage, ChildRequest } from "./broker-child";

export type BrokerMemory = Extract<ChildMessage, { type: "memory" }>;

export interface BrokerProcess {
  port: number;
  child: ChildProcess;
  /** Memory after two full GCs, plus counters; rejects if the process is gone. */
  memory(): Promise<BrokerMemory>;
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
  return next("ready").then(({ port }) => ({
    port,
    child,
    memory() {
      const reply = next("memory");
      request({ type: "memory" });
      return reply;
    },
    alive: () => !exited,
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      request({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  }));
}
