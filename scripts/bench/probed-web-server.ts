/**
 * The built web server (scripts/web/web-server.ts, compiled and with the V8 flags as `npm start` runs it) on a fresh embedded database with the demo data, with a probe
 * preloaded that answers one IPC message (scripts/bench/heap-probe.cjs: "heap", abort-probe.cjs: "abort"). Shared by
 * bench:soak and bench:abort-signals; `ask` sends the probe's message and resolves with its answer.
 * `BENCH_WEB_CPU_PROF=<dir>` writes the web process's CPU profile there when it stops (its chunks' source maps in
 * .next name the functions): `BENCH_WEB_CPU_PROF=/tmp/prof npm run bench:pages -- 20 /calendar`.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import type { HoldReport } from "@/lib/db/embedded/hold-report";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedDemoData } from "@/drizzle/seed";
import { WEB_NODE_FLAGS, ensureBrokerBundle } from "../launcher/broker-bundle";
import { freePort } from "../testing/free-port";

export interface ProbedWebServer {
  port: number;
  ask<T>(message: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startProbedWebServer(options: {
  probe: string;
  name: string;
  demoPassword: string;
  /** More data after the demo seed (bench:pages: 10,000 people and 1,000 events). */
  seed?: (db: Db) => Promise<void>;
  /** Every time a client held the embedded database's one session (a statement, or a transaction): bench:page-queries. */
  onHold?: (hold: HoldReport) => void;
}): Promise<ProbedWebServer> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ms-bench-${options.name}-`));
  const database = await startEmbeddedPostgres({ onHold: (hold) => options.onHold?.(hold) });
  const handle = createDb(database.url, { max: 2 });
  await prepareDatabase(handle.db);
  await seedDemoData(handle.db, options.demoPassword);
  await options.seed?.(handle.db);
  await handle.close();

  const port = await freePort();
  // As `npm start` runs it: the compiled web server with the web's V8 flags (heap cap, small young generation).
  const web = fork(await ensureBrokerBundle(root, "web"), [], {
    cwd: root,
    execArgv: [
      "--expose-gc",
      "--require",
      path.join(import.meta.dirname, options.probe),
      ...WEB_NODE_FLAGS,
      ...(process.env.BENCH_WEB_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_WEB_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_SECRET: `bench-${options.name}-secret-0123456789-abcdefghijklmnop`,
      AUTH_TRUST_HOST: "true",
      PUBLIC_URL: `http://localhost:${port}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const stop = async () => {
    web.kill("SIGTERM");
    await new Promise((r) => web.once("exit", r));
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (
    let i = 0;
    i < 600 &&
    !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
  return {
    port,
    ask: <T>(message: string) =>
      new Promise<T>((resolve) => {
        web.once("message", (m) => resolve((m as Record<string, T>)[message]!));
        web.send(message);
      }),
    stop,
  };
}
