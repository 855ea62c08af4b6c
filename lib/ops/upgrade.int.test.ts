import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/drizzle/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import type { Db } from "@/lib/db/client";
import { appliedMigrations } from "./backup/database-layout";
import { listBackups } from "./backup/retention";
import { UpgradeError, pendingMigrations, upgradeDatabase } from "./upgrade";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-upgrade-"));

/** The real migrations plus one more made of the given statements. */
function folderWith(name: string, statements: string[]): string {
  const folder = path.join(dir, name);
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as {
    entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, "0")}_${name}`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), statements.join("\n--> statement-breakpoint\n"));
  return folder;
}

const migrateWith = (folder: string) => (db: Db) => migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: folder });
const tableExists = async (name: string) => (await t.db.execute<{ ok: boolean }>(sql`select to_regclass(${name}) is not null as ok`))[0]!.ok;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("upgrades", () => {
  it("nothing pending: no backup", async () => {
    expect(await pendingMigrations(t.db, migrationsFolder)).toBe(0);
    const result = await upgradeDatabase(t.db, { dataDir: dir, appVersion: "t", migrationsFolder, migrate: migrateWith(migrationsFolder) });
    expect(result).toEqual({ pending: 0, backupFile: null });
    expect(listBackups(path.join(dir, "backups"))).toHaveLength(0);
  });

  it("a failing migration rolls back completely and the message says how to restore", async () => {
    const before = await appliedMigrations(t.db);
    const folder = folderWith("bad", ["create table upgrade_probe (id int)", "insert into no_such_table values (1)"]);
    expect(await pendingMigrations(t.db, folder)).toBe(1);
    const error = await upgradeDatabase(t.db, { dataDir: dir, appVersion: "t", migrationsFolder: folder, migrate: migrateWith(folder) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpgradeError);
    expect((error as Error).message).toMatch(/rolled back.*no_such_table.*npm run restore -- .*pre-upgrade\.msbackup\.gz/s);
    expect(await tableExists("upgrade_probe")).toBe(false);
    expect(await appliedMigrations(t.db)).toEqual(before);
    expect(listBackups(path.join(dir, "backups")).map((b) => b.reason)).toEqual(["pre-upgrade"]);
  });

  it("a good migration applies after the backup", async () => {
    const folder = folderWith("good", ["create table upgrade_probe (id int)"]);
    const result = await upgradeDatabase(t.db, { dataDir: dir, appVersion: "t", migrationsFolder: folder, migrate: migrateWith(folder) });
    expect(result.pending).toBe(1);
    expect(result.backupFile).toMatch(/pre-upgrade/);
    expect(await tableExists("upgrade_probe")).toBe(true);
  });
});
