/**
 * `npm run bench:startup [-- --steps]`: time from starting the launcher to /api/health 200, on an empty DATA_DIR (first start:
 * migrations + demo data) and again on the same data (restart). Uses the existing web build as it is (never
 * rebuilds it: another process may be serving it); pass --rebuild to
 * delete it first and include the build in the first figure. The floor, measured between the restarts: a bare
 * `next start` of the same build answering its first request (no database, no broker, no launcher). With --steps,
 * each start's steps as the launcher stamps them (MAKERSPACE_START_TIMING, scripts/launcher/start-timing.ts).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { USE_EXISTING_BUILD } from "../launcher/build";
import { START_TIMING } from "../launcher/start-timing";
import { freePort } from "../testing/free-port";
import { runLauncher, waitForOutput } from "../testing/launcher-process";
import { loadLine } from "./stats";

const root = path.resolve(import.meta.dirname, "..", "..");
if (process.argv.includes("--rebuild")) fs.rmSync(path.join(root, ".next"), { recursive: true, force: true });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-bench-startup-"));

async function timeOneStart(label: string): Promise<void> {
  const port = await freePort();
  const started = performance.now();
  // Without --rebuild the existing build as it is: a rebuild would replace .next under any other process serving it.
  const build: Record<string, string> = process.argv.includes("--rebuild") ? {} : { [USE_EXISTING_BUILD]: "1" };
  const run = runLauncher({ DATA_DIR: dataDir, PORT: String(port), MQTT_PORT: String(await freePort()), [START_TIMING]: "1", ...build }, { compiled: true });
  // The moment the banner arrives, not when the poll below next looks (it looks every 200 ms).
  let readyAt = 0;
  run.child.stdout!.on("data", (d: Buffer) => {
    if (!readyAt && d.toString().includes("Makerspace is ready on")) readyAt = performance.now();
  });
  await waitForOutput(run, /Makerspace is ready on/, 900_000);
  const seconds = ((readyAt || performance.now()) - started) / 1000;
  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  console.log(`${label.padEnd(40)} ${seconds.toFixed(2)} s  (/api/health ${health.status})`);
  // Where the time went: the launcher's steps and its children's lines, in ms since its process began.
  if (process.argv.includes("--steps")) for (const line of run.output().match(/^⏱.*$/gm) ?? []) console.log(`    ${line}`);
  run.child.kill("SIGINT");
  await run.exited;
}

async function timeBareNextStart(): Promise<void> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        () => true,
        () => false,
      );
      if (answered) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`${"floor: bare `next start`, first answer".padEnd(40)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

try {
  console.log(loadLine());
  await timeOneStart(process.argv.includes("--rebuild") ? "first start, empty DATA_DIR, with build" : "first start, empty DATA_DIR");
  await timeBareNextStart();
  await timeOneStart("restart, same DATA_DIR");
  await timeBareNextStart();
  await timeOneStart("restart again");
  console.log(loadLine());
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
