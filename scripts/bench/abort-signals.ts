/**
 * `npm run bench:abort-signals [path] [requests]`: do page requests leave abort listeners behind? Runs the built web
 * server (as bench:soak does) with scripts/bench/abort-probe.cjs, requests a page (default /login), and counts the
 * AbortSignals holding an "abort" listener that are alive right after a full garbage collection and again once the
 * collection's finalizers have run, naming who made those still alive.
 *
 * What it showed (issue 20, heap snapshots with ~0.24 `abort` listeners per /login request): Next builds a Request
 * (Node's undici) per request with a signal tied to the response; undici keeps that signal and its listener in a
 * FinalizationRegistry entry until the Request's own AbortController is collected and the registry's callback has
 * run. A heap snapshot (taken right after a collection) shows them; a moment later they are gone: no leak.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { prepareDatabase } from "@/drizzle/prepare";
import { seedDemoData } from "@/drizzle/seed";
import { freePort } from "../testing/free-port";
import { loadLine } from "./stats";
import { hit } from "./web-load";

const page = process.argv[2] ?? "/login";
const REQUESTS = Number(process.argv[3] ?? 1_000);
const root = path.resolve(import.meta.dirname, "..", "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-bench-abort-"));
const database = await startEmbeddedPostgres();
const handle = createDb(database.url, { max: 2 });
await prepareDatabase(handle.db);
await seedDemoData(handle.db, "bench-demo-password");
await handle.close();

const port = await freePort();
const web = fork(path.join(root, "scripts", "web", "web-server.ts"), [], {
  cwd: root,
  execArgv: ["--expose-gc", "--require", path.join(import.meta.dirname, "abort-probe.cjs"), "--import", "tsx"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-abort-secret-0123456789-abcdefghijklmnop",
    AUTH_TRUST_HOST: "true",
    PUBLIC_URL: `http://localhost:${port}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});

type Probe = { rightAfterGc: number; afterFinalizers: number; creators: [string, number][] };
const probe = () =>
  new Promise<Probe>((resolve) => {
    web.once("message", (m) => resolve((m as { abort: Probe }).abort));
    web.send("abort");
  });

try {
  for (let i = 0; i < 600 && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
  await hit(port, [{ path: page }], 50);
  const start = await probe();
  await hit(port, [{ path: page }], REQUESTS);
  const end = await probe();
  console.log(`${page}: signals with an abort listener, alive after 50 and after ${50 + REQUESTS} requests`);
  console.log(`  right after a full GC:          ${start.rightAfterGc} → ${end.rightAfterGc}`);
  console.log(`  after the finalizers have run:  ${start.afterFinalizers} → ${end.afterFinalizers}  (${((end.afterFinalizers - start.afterFinalizers) / REQUESTS).toFixed(3)} per request)`);
  for (const [creator, n] of end.creators) console.log(`  ${n}× ${creator}`);
  console.log(loadLine());
} finally {
  web.kill("SIGTERM");
  await new Promise((r) => web.once("exit", r));
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
