/**
 * `npm run bench:memory`: the whole embedded system as `npm start` runs it (launcher, database, web, broker) with the
 * demo data, on the existing web build: the resident memory of every process idle, after 1,000 and after 10,000
 * mixed page requests (public pages, a member's and an admin's, logged in), with the request rate. The floor is
 * the idle figure of the same run. It never rebuilds the web app (`npm run build` first when the sources changed). Counts can be given: `npm run bench:memory -- 1000 10000`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { USE_EXISTING_BUILD } from "../launcher/build";
import { freePort } from "../testing/free-port";
import { runLauncher, waitForOutput } from "../testing/launcher-process";
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
  for (const p of tree) console.log(`  ${mb(p.rssBytes).padStart(7)}  ${p.pid}  ${p.command}`);
  return total;
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
  }
} finally {
  run.child.kill("SIGINT");
  await run.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
