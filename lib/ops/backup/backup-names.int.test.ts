import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { createBackup, reserveBackupFile } from "./create-backup";
import { readBackup } from "./read-backup";
import { listBackups, pruneBackups } from "./retention";

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-backup-names-"));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("gives two backups started in the same millisecond two files, both kept and both whole", async () => {
  const backups = path.join(dir, "same-moment");
  const now = new Date("2026-05-06T07:08:09.123Z");
  const first = await createBackup(t.db, { dir: backups, appVersion: "test", now });
  const second = await createBackup(t.db, { dir: backups, appVersion: "test", now });
  expect(path.basename(first.file)).toBe("backup-20260506-070809.123Z-manual.msbackup.gz");
  expect(path.basename(second.file)).toBe("backup-20260506-070809.123Z-2-manual.msbackup.gz");
  // Before, the second rename replaced the first file: one backup where two were reported.
  expect(fs.readdirSync(backups).sort()).toEqual([path.basename(first.file), path.basename(second.file)].sort());
  for (const result of [first, second]) expect((await readBackup(result.file)).header.createdAt).toBe(now.toISOString());
  // The newest first (the system page's download): the second one.
  expect(listBackups(backups).map((b) => b.file)).toEqual([second.file, first.file]);
  expect(pruneBackups(backups, { daily: 7, weekly: 4 })).toEqual([]);
});

it("never takes a name whose backup is still being written", () => {
  const backups = path.join(dir, "in-progress");
  fs.mkdirSync(backups);
  const at = new Date("2026-05-06T07:08:09.123Z");
  const writing = reserveBackupFile(backups, at, "daily");
  const next = reserveBackupFile(backups, at, "daily");
  expect(path.basename(next.file)).toBe("backup-20260506-070809.123Z-2-daily.msbackup.gz");
  // A finished backup of that moment, too, keeps its name.
  fs.closeSync(writing.fd);
  fs.renameSync(writing.temp, writing.file);
  fs.closeSync(next.fd);
  fs.rmSync(next.temp);
  const again = [reserveBackupFile(backups, at, "daily"), reserveBackupFile(backups, at, "daily")];
  for (const r of again) fs.closeSync(r.fd);
  expect(again.map((r) => path.basename(r.file))).toEqual([
    "backup-20260506-070809.123Z-2-daily.msbackup.gz",
    "backup-20260506-070809.123Z-3-daily.msbackup.gz",
  ]);
});

it("is on disk before it takes its name, and so is its name (fsync of the file, then of the folder)", async () => {
  const backups = path.join(dir, "synced");
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync;
  const spy = vi.spyOn(fs, "fsyncSync").mockImplementation((fd) => {
    synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fsyncSync(fd);
  });
  try {
    const { file } = await createBackup(t.db, { dir: backups, appVersion: "test" });
    expect(synced).toEqual([`${file}.partial`, backups]);
  } finally {
    spy.mockRestore();
  }
});
