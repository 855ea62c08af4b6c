/**
 * `npm run bench:backup [-- ROWS]`: backup and restore of a database with ROWS usage sessions (default 300,000) as
 * a person runs them — `npm run job -- backup`, then `npm run restore` into a fresh database — each a child process
 * whose peak RSS (VmHWM) is printed with its time; then every table of the two databases is compared by checksum.
 * Scratch databases: new ones on DATABASE_URL's server when set (dropped afterwards), else embedded databases,
 * each in its own process (so the commands' memory is their own).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/lib/db/client";
import { ident, publicTables } from "@/lib/ops/backup/database-layout";
import { listBackups } from "@/lib/ops/backup/retention";
import { BENCH_BOARD_BASE, createOnServer, openBenchDatabase, startEmbeddedProcess } from "./bench-database";

const ROWS = Number(process.argv[2] ?? 300_000);
const MACHINES = 50;
const root = path.resolve(import.meta.dirname, "..", "..");
/** The backup job records its own run after the backup is written: the one row the backup cannot hold. */
const CHANGED_BY_THE_JOB = new Set(["scheduled_job_runs"]);

/** Runs scripts/<script> as `npm run` does and samples its peak resident memory until it exits. */
async function runMeasured(script: string, args: string[], env: Record<string, string>): Promise<{ out: string; peakMb: number; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  let peakKb = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // gone
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${code}:\n${out}`);
  return { out, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 };
}

async function checksums(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of await publicTables(db)) {
    const [row] = await db.execute<{ h: string }>(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(j, E'\\n' order by j)), '-') as h from (select row_to_json(t)::text as j from ${ident(table)} t) x`,
      ),
    );
    out.set(table, row!.h);
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-bench-backup-"));
  const source = await openBenchDatabase(process.env.DATABASE_URL, MACHINES);
  const target = process.env.DATABASE_URL ? await createOnServer(process.env.DATABASE_URL) : await startEmbeddedProcess();
  const s = createDb(source.url, { max: 1 });
  const t = createDb(target.url, { max: 1 });
  try {
    console.log(`source: ${source.label}\ntarget: ${target.label}`);
    let started = performance.now();
    await s.db.execute(sql`
      with m as (select id, row_number() over (order by id) - 1 as k from machines where board_id >= ${BENCH_BOARD_BASE}),
           p as (select array_agg(c.person_id order by c.person_id) as ids, array_agg(c.uid order by c.person_id) as uids from cards c where c.state = 'active')
      insert into usage_sessions (machine_id, person_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, ended_because, last_heartbeat_at, heartbeats, opened_by_event_at)
      select m.id, p.ids[1 + g % array_length(p.ids, 1)], p.uids[1 + g % array_length(p.ids, 1)],
        now() - ((${ROWS / MACHINES} - g / ${MACHINES}) * interval '2 hours'),
        now() - ((${ROWS / MACHINES} - g / ${MACHINES}) * interval '2 hours') + interval '1 hour',
        3600, case when g % 97 = 0 then 'replayed' else 'live' end, 'stop',
        now() - ((${ROWS / MACHINES} - g / ${MACHINES}) * interval '2 hours') + interval '1 hour', 120,
        now() - ((${ROWS / MACHINES} - g / ${MACHINES}) * interval '2 hours')
      from generate_series(0, ${ROWS - 1}) g join m on m.k = g % ${MACHINES}, p`);
    console.log(`inserted ${ROWS.toLocaleString("en")} usage sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const backup = await runMeasured("job.ts", ["backup"], { DATABASE_URL: source.url, DATA_DIR: dataDir });
    const [file] = listBackups(path.join(dataDir, "backups"));
    console.log(`backup:  ${backup.seconds.toFixed(1)} s, peak RSS ${backup.peakMb.toFixed(0)} MB, file ${(file!.bytes / 1024 / 1024).toFixed(2)} MB`);
    const restore = await runMeasured("restore.ts", [file!.file, "--yes"], { DATABASE_URL: target.url, DATA_DIR: dataDir });
    console.log(`restore: ${restore.seconds.toFixed(1)} s, peak RSS ${restore.peakMb.toFixed(0)} MB`);

    started = performance.now();
    const [before, after] = [await checksums(s.db), await checksums(t.db)];
    const differ = [...before.keys()].filter((table) => before.get(table) !== after.get(table) && !CHANGED_BY_THE_JOB.has(table));
    const sessions = before.get("usage_sessions")!.split(":")[0];
    console.log(
      `checksums of ${before.size} tables (${sessions} usage sessions) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        (differ.length ? `DIFFERENT: ${differ.join(", ")}` : `identical (${[...CHANGED_BY_THE_JOB].join(", ")} aside: the job's own run)`),
    );
    if (differ.length) process.exitCode = 1;
  } finally {
    await s.close();
    await t.close();
    await source.close();
    await target.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
