/**
 * `npm run bench:import`: generates a Fab-O-Matic database in the sample's schema (2,000 users, 50 machines,
 * 200,000 uses; BENCH_USERS, BENCH_MACHINES, BENCH_USES change it), then times its dry run, its import and the
 * re-import of the same file, and prints this process's peak memory (RSS). Scratch database: a new one on
 * DATABASE_URL's server when set (dropped afterwards), else the embedded database in its own process (its memory
 * is not in the figure: `npm start` runs it apart too).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { applyFabomaticImport, dryRunFabomaticImport } from "@/lib/domain/import/fabomatic/import-fabomatic";
import { openBenchDatabase } from "./bench-database";
import { mb } from "./stats";

const USERS = Number(process.env.BENCH_USERS ?? 2_000);
const MACHINES = Number(process.env.BENCH_MACHINES ?? 50);
const USES = Number(process.env.BENCH_USES ?? 200_000);

const peakRss = () => process.resourceUsage().maxRSS * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

// Generated in a child process, so that the figure below is the import's memory alone.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-")), "fabomatic.sqldb");
const generated = await timed(async () => {
  execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "fabomatic-generate-child.ts"), file, String(USERS), String(MACHINES), String(USES)],
    { stdio: "inherit" },
  );
  return new Uint8Array(fs.readFileSync(file));
});
const bytes = generated.value;
fs.rmSync(path.dirname(file), { recursive: true, force: true });
console.log(
  `bench:import: Fab-O-Matic database with ${USERS} users, ${MACHINES} machines, ${USES} uses: ${mb(bytes.length)} (generated in ${seconds(generated.ms)})`,
);
const rssBefore = peakRss();

const bench = await openBenchDatabase(process.env.DATABASE_URL, 0);
const handle = createDb(bench.url, { max: 2 });
try {
  console.log(`into the ${bench.label}, with the demo data`);
  const dry = await timed(() => dryRunFabomaticImport(handle.db, { bytes, fileName: "bench.sqldb" }));
  if (!dry.value.ok) throw new Error(dry.value.message);
  console.log(`dry run:   ${seconds(dry.ms)}`);
  const applied = await timed(() => applyFabomaticImport(handle.db, null, { bytes, fileName: "bench.sqldb" }));
  if (!applied.value.ok) throw new Error(applied.value.message);
  const c = applied.value.report.counts;
  console.log(
    `import:    ${seconds(applied.ms)}  (${c.user.created} people, ${c.machine.created} machines, ${c.authorization.created} authorizations, ${c.use.created} uses, ${c.intervention.created} interventions)`,
  );
  const again = await timed(() => applyFabomaticImport(handle.db, null, { bytes, fileName: "bench.sqldb" }));
  if (!again.value.ok || !again.value.report.nothingToDo) throw new Error("the re-import was not a no-op");
  console.log(`re-import: ${seconds(again.ms)}  (nothing to do)`);
  console.log(`peak RSS of the importing process: ${mb(peakRss())} (${mb(rssBefore)} before the dry run)`);
} finally {
  await handle.close();
  await bench.close();
}
