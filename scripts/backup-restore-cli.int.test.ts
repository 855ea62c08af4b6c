import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { listBackups } from "@/lib/ops/backup/retention";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { sql } from "drizzle-orm";
import { tableCounts } from "@/lib/ops/backup/restore-backup";
import { runScript } from "./testing/run-script";

// `npm run job -- backup` and `npm run restore` as a person runs them: child processes, exit codes, messages.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-cli-"));
let source: DemoDatabase;

const run = runScript;

beforeAll(async () => {
  source = await createDemoDatabase({ password: "cli-test-password" });
});
afterAll(async () => {
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore commands", () => {
  it("back up a database and restore it into a fresh embedded DATA_DIR", { timeout: 300_000 }, async () => {
    const sourceDir = path.join(dir, "source");
    const backup = await run("job.ts", ["backup"], { DATABASE_URL: source.url, DATA_DIR: sourceDir });
    expect(backup.out).toMatch(/✔ backup: .*-manual\.msbackup\.gz \(\d+ tables, \d+ rows/);
    expect(backup.code).toBe(0);
    const [file] = listBackups(path.join(sourceDir, "backups"));

    // No confirmation, no restore.
    const targetDir = path.join(dir, "target");
    const declined = await run("restore.ts", [file!.file], { DATA_DIR: targetDir });
    expect(declined.out).toContain("Nothing restored");

    const restored = await run("restore.ts", [file!.file, "--yes"], { DATA_DIR: targetDir });
    expect(restored.out).toContain("✔ Restored");
    expect(restored.code).toBe(0);

    const again = await run("restore.ts", [file!.file, "--yes"], { DATA_DIR: targetDir });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/database is unchanged.*not empty.*--force/s);

    const embedded = await startEmbeddedPostgres({ dataDir: path.join(targetDir, "pgdata") });
    const handle = createDb(embedded.url, { max: 1 });
    try {
      // The run of the backup job is recorded once the backup is written, so the backup cannot hold it.
      const counts = await tableCounts(source.db);
      expect(await tableCounts(handle.db)).toEqual({ ...counts, scheduled_job_runs: counts.scheduled_job_runs! - 1 });
    } finally {
      await handle.close();
      await embedded.stop();
    }
  });

  // Three cold children, each loading the job runner through tsx: 25 s of the default 30 s on a loaded CI run.
  it("lists the jobs, and refuses an unknown job or option with the list", { timeout: 120_000 }, async () => {
    const list = await run("job.ts", ["--list"], {});
    expect(list.code).toBe(0);
    for (const name of ["backup", "retention-purge", "database-maintenance", "equipment-expiry-reminders", "calendar-announcement"])
      expect(list.out).toContain(name);
    const unknown = await run("job.ts", ["purge"], {});
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/✖ There is no job "purge"\. Usage: npm run job -- <name>.*retention-purge/s);
    const option = await run("job.ts", ["backup", "--days", "3"], {});
    expect(option.code).toBe(1);
    expect(option.out).toContain('✖ "--days" is not an option of backup (it takes none).');
  });

  it("refuses a damaged or foreign file with a clear message", { timeout: 120_000 }, async () => {
    const bad = path.join(dir, "notes.msbackup.gz");
    fs.writeFileSync(bad, "certainly not a backup");
    const result = await run("restore.ts", [bad, "--yes"], { DATA_DIR: path.join(dir, "other") });
    expect(result.code).toBe(1);
    expect(result.out).toContain("✖ Restore failed, the database is unchanged:");
    expect(result.out).toContain("not a readable backup");
    expect(result.out).not.toMatch(/\n\s+at /);
  });

  it("backs up the running system's embedded database through the URL file `npm start` writes", { timeout: 60_000 }, async () => {
    const running = path.join(dir, "running");
    fs.mkdirSync(running, { recursive: true });
    // This test process stands in for the launcher: its pid in the lock, its database in the URL file.
    fs.writeFileSync(path.join(running, "launcher.pid"), String(process.pid));
    fs.writeFileSync(path.join(running, "embedded-db.url"), source.url);
    const result = await run("job.ts", ["backup"], { DATA_DIR: running });
    expect(result.out).toContain("the embedded database of the running system");
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(running, "pgdata"))).toBe(false);
  });

  it("refuses to restore into a running system, says how to stop it, and changes nothing", { timeout: 120_000 }, async () => {
    const running = path.join(dir, "running-restore");
    fs.mkdirSync(running, { recursive: true });
    // This test process stands in for `npm start`: its pid in the lock, its (busy) database in the URL file.
    fs.writeFileSync(path.join(running, "launcher.pid"), String(process.pid));
    fs.writeFileSync(path.join(running, "embedded-db.url"), source.url);
    const backup = await run("job.ts", ["backup"], { DATA_DIR: running });
    expect(backup.code).toBe(0);
    const [file] = listBackups(path.join(running, "backups"));
    await recordAudit(source.db, { actorId: null, changeType: "settings.update", entity: "after-the-backup" });
    const before = await tableCounts(source.db);
    let writes = 0;
    let stop = false;
    // The running system goes on writing while the restore is attempted.
    const writer = (async () => {
      while (!stop) {
        await recordAudit(source.db, { actorId: null, changeType: "settings.update", entity: "while-restoring" });
        writes++;
      }
    })();
    const result = await run("restore.ts", [file!.file, "--yes", "--force"], { DATA_DIR: running });
    stop = true;
    await writer;
    expect(result.code).toBe(1);
    expect(result.out).toContain(`✖ Restore failed, the database is unchanged: The system is running on ${running} (\`npm start\`, pid ${process.pid}).`);
    expect(result.out).toContain(
      `Stop it first (Ctrl-C where it runs, or \`kill ${process.pid}\`), then run \`npm run restore -- ${file!.file} --force\` again`,
    );
    expect(result.out).not.toContain("advisory");
    // Nothing lost: every row from before, and every write made meanwhile.
    expect(await tableCounts(source.db)).toEqual({ ...before, audit_log: before.audit_log! + writes });
    // The same command against the stopped system (the data folder opened by the restore itself) restores.
    fs.rmSync(path.join(running, "launcher.pid"));
    const restored = await run("restore.ts", [file!.file, "--yes", "--force"], { DATA_DIR: running });
    expect(restored.out).toContain("✔ Restored");
  });

  it.runIf(process.env.DATABASE_URL)("refuses to restore into a PostgreSQL database the running system is connected to", { timeout: 120_000 }, async () => {
    const file = listBackups(path.join(dir, "source", "backups"))[0]!.file;
    const before = await tableCounts(source.db);
    // source.db's pool (application_name "makerspace") is the running web server or broker here.
    await source.db.execute(sql`select 1`);
    const result = await run("restore.ts", [file, "--yes", "--force"], { DATABASE_URL: source.url });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/The system is running on this database \(\d+ connection\(s\) of its web server or broker\)\. Stop them first/);
    expect(await tableCounts(source.db)).toEqual(before);
  });
});
