import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { listBackups } from "@/lib/ops/backup/retention";
import { tableCounts } from "@/lib/ops/backup/restore-backup";

// `npm run backup` and `npm run restore` as a person runs them: child processes, exit codes, messages.
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-cli-"));
let source: TestDatabase;

/** Asynchronous on purpose: the test's own embedded database must keep serving while the command runs. */
function run(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin.end();
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

beforeAll(async () => {
  source = await createTestDatabase();
  await ensureReferenceData(source.db);
  await seedDemoData(source.db, "cli-test-password");
});
afterAll(async () => {
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore commands", () => {
  it("back up a database and restore it into a fresh embedded DATA_DIR", { timeout: 300_000 }, async () => {
    const sourceDir = path.join(dir, "source");
    const backup = await run("backup.ts", [], { DATABASE_URL: source.url, DATA_DIR: sourceDir });
    expect(backup.out).toContain("✔");
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
      expect(await tableCounts(handle.db)).toEqual(await tableCounts(source.db));
    } finally {
      await handle.close();
      await embedded.stop();
    }
  });

  it("refuses a damaged or foreign file with a clear message", async () => {
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
    const result = await run("backup.ts", [], { DATA_DIR: running });
    expect(result.out).toContain("the embedded database of the running system");
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(running, "pgdata"))).toBe(false);
  });
});
