/**
 * `npm run bench:soak`: is the web server's live JS heap flat? Runs the built web server (scripts/web/web-server.ts)
 * on the embedded database with the demo data and measures its heap after a full garbage collection every 2,000
 * requests: first over /api/health (the floor: no page rendered), then over /login alone, then over mixed pages
 * logged in. Prints each phase's growth per request. `npm run bench:soak -- 20000` sets the requests per phase.
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
import { mb, loadLine } from "./stats";
import { ADMIN_PAGES, MEMBER_PAGES, PUBLIC_PAGES, hit, login } from "./web-load";

const PER_PHASE = Number(process.argv[2] ?? 20_000);
const STEP = Math.min(2_000, PER_PHASE);
const PASSWORD = "bench-demo-password";
const root = path.resolve(import.meta.dirname, "..", "..");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-bench-soak-"));
const database = await startEmbeddedPostgres();
const handle = createDb(database.url, { max: 2 });
await prepareDatabase(handle.db);
await seedDemoData(handle.db, PASSWORD);
await handle.close();

const port = await freePort();
const web = fork(path.join(root, "scripts", "web", "web-server.ts"), [], {
  cwd: root,
  execArgv: ["--expose-gc", "--require", path.join(import.meta.dirname, "heap-probe.cjs"), "--import", "tsx"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-soak-secret-0123456789-abcdefghijklmnop",
    AUTH_TRUST_HOST: "true",
    PUBLIC_URL: `http://localhost:${port}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});

const heap = () =>
  new Promise<NodeJS.MemoryUsage>((resolve) => {
    web.once("message", (m) => resolve((m as { heap: NodeJS.MemoryUsage }).heap));
    web.send("heap");
  });

async function phase(label: string, requests: { path: string; cookie?: string }[]): Promise<number> {
  await hit(port, requests, 200); // warm-up: compiled code and caches
  const first = await heap();
  let last = first;
  console.log(`\n${label}: ${PER_PHASE} requests, heap after full GC every ${STEP}`);
  console.log(`  ${"0".padStart(6)}  heap ${mb(first.heapUsed).padStart(7)}  rss ${mb(first.rss).padStart(7)}`);
  for (let done = STEP; done <= PER_PHASE; done += STEP) {
    const { seconds } = await hit(port, requests, STEP);
    last = await heap();
    console.log(`  ${String(done).padStart(6)}  heap ${mb(last.heapUsed).padStart(7)}  rss ${mb(last.rss).padStart(7)}  external ${mb(last.external).padStart(6)}  ${(STEP / seconds).toFixed(1)}/s`);
  }
  const perRequest = (last.heapUsed - first.heapUsed) / PER_PHASE;
  console.log(`  growth: ${(perRequest / 1024).toFixed(2)} KB of heap per request   ${loadLine()}`);
  return perRequest;
}

try {
  for (let i = 0; i < 600 && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
  const member = await login(port, "member@makerspace.local", PASSWORD);
  const admin = await login(port, "admin@makerspace.local", PASSWORD);
  const floor = await phase("floor: /api/health", [{ path: "/api/health" }]);
  const loginPage = await phase("/login", [{ path: "/login" }]);
  const mixed = await phase("mixed pages (public, member, admin)", [
    ...PUBLIC_PAGES.map((p) => ({ path: p })),
    ...MEMBER_PAGES.map((p) => ({ path: p, cookie: member })),
    ...ADMIN_PAGES.map((p) => ({ path: p, cookie: admin })),
  ]);
  console.log(`\nheap growth per request: floor ${(floor / 1024).toFixed(2)} KB, /login ${(loginPage / 1024).toFixed(2)} KB, mixed ${(mixed / 1024).toFixed(2)} KB`);
} finally {
  web.kill("SIGTERM");
  await new Promise((r) => web.once("exit", r));
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
