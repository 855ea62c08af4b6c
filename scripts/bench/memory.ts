/**
 * `npm run bench:memory`: the whole embedded system as `npm start` runs it (launcher, database, web, broker) with the
 * demo data, on the existing web build: the resident memory of every process idle, after 1,000 and after 10,000
 * mixed page requests (public pages, a member's and an admin's, logged in), with the request rate; each process's memory split into WebAssembly memory (PGlite's), the brk heap (malloc's main arena) and the rest
 * (memory-parts.ts), and the embedded database's live memory contexts and prepared statements. The floor is
 * the idle figure of the same run. It never rebuilds the web app (`npm run build` first when the sources changed). Counts can be given: `npm run bench:memory -- 1000 10000`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { USE_EXISTING_BUILD } from "../launcher/build";
import { freePort } from "../testing/free-port";
import { runLauncher, waitForOutput } from "../testing/launcher-process";
import { memoryParts } from "./memory-parts";
import { mb, loadLine } from "./stats";
import { ADMIN_PAGES, MEMBER_PAGES, PUBLIC_PAGES, hit, login, processTree } from "./web-load";

const stages = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const STAGES = stages.length ? stages : [1_000, 10_000];
const PASSWORD = "bench-demo-password";

function report(label: string, rootPid: number, idleTotal?: number): number {
  const tree = processTree(rootPid);
  const total = tree.reduce((sum, p) => sum + p.rssBytes, 0);
  console.log(`\n${label}: ${mb(total)} in ${tree.length} processes${idleTotal ? ` (×${(total / idleTotal).toFixed(2)} idle)` : ""}   ${loadLine()}`);
  for (const p of tree) {
    const parts = memoryParts(p.pid);
    const split = parts ? `(${parts.wasm ? `wasm ${mb(parts.wasm)}, ` : ""}brk heap ${mb(parts.brk)}, other ${mb(parts.other)})` : "";
    console.log(`  ${mb(p.rssBytes).padStart(7)}  ${p.pid}  ${p.command}  ${split}`);
  }
  return total;
}

/**
 * The embedded database's own live memory (its one backend session: memory contexts, prepared statements), asked
 * over the URL the launcher leaves in DATA_DIR: what PostgreSQL holds, against what its WebAssembly memory keeps.
 */
async function reportDatabase(): Promise<void> {
  const sql = postgres(fs.readFileSync(path.join(dataDir, "embedded-db.url"), "utf8").trim(), { max: 1, prepare: false, onnotice: () => {} });
  try {
    const contexts = await sql<{ name: string; bytes: string }[]>`
      select name, sum(total_bytes)::text as bytes from pg_backend_memory_contexts group by name order by sum(total_bytes) desc`;
    const [prepared] = await sql<{ n: number }[]>`select count(*)::int as n from pg_prepared_statements`;
    const total = contexts.reduce((sum, c) => sum + Number(c.bytes), 0);
    const largest = contexts.slice(0, 4).map((c) => `${c.name} ${mb(Number(c.bytes))}`);
    console.log(`  database backend: memory contexts ${mb(total)} (${largest.join(", ")}), ${prepared!.n} prepared statements`);
  } finally {
    await sql.end();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-bench-memory-"));
const port = await freePort();
// The existing build as it is: a rebuild would replace .next under any other process serving this checkout.
const run = runLauncher(
  { DATA_DIR: dataDir, PORT: String(port), MQTT_PORT: String(await freePort()), DEMO_PASSWORD: PASSWORD, [USE_EXISTING_BUILD]: "1" },
  { compiled: true },
);
try {
  await waitForOutput(run, /Makerspace is ready on/, 900_000);
  await new Promise((r) => setTimeout(r, 5_000)); // settle: the first minute's jobs, the broker's first sync
  const idle = report("idle after start", run.child.pid!);
  await reportDatabase();
  const member = await login(port, "member@makerspace.local", PASSWORD);
  const admin = await login(port, "admin@makerspace.local", PASSWORD);
  const requests = [
    ...PUBLIC_PAGES.map((p) => ({ path: p })),
    ...MEMBER_PAGES.map((p) => ({ path: p, cookie: member })),
    ...ADMIN_PAGES.map((p) => ({ path: p, cookie: admin })),
  ];
  let done = 0;
  for (const stage of STAGES) {
    const { seconds, failed, failures } = await hit(port, requests, stage - done);
    console.log(`\n${stage - done} requests in ${seconds.toFixed(1)} s (${((stage - done) / seconds).toFixed(1)}/s, ${failed} failed)`);
    for (const [what, n] of failures) console.log(`  failed ${n}×: ${what}`);
    done = stage;
    report(`after ${stage} mixed page requests`, run.child.pid!, idle);
    await reportDatabase();
  }
} finally {
  run.child.kill("SIGINT");
  await run.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
