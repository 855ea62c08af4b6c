import { describe, expect, it } from "vitest";
import { backupFileName, parseBackupFileName } from "./format";
import { backupsToDelete, type BackupFile } from "./retention";

const backup = (iso: string, reason: BackupFile["reason"] = "daily"): BackupFile => {
  const at = new Date(iso);
  const name = backupFileName(at, reason);
  return { name, file: `/x/${name}`, at, reason, bytes: 1 };
};

describe("backup retention", () => {
  it("names files so they parse back", () => {
    const at = new Date("2026-03-04T05:06:07.890Z");
    expect(backupFileName(at, "pre-upgrade")).toBe("backup-20260304-050607.890Z-pre-upgrade.msbackup.gz");
    expect(parseBackupFileName(backupFileName(at, "pre-upgrade"))).toEqual({ at, reason: "pre-upgrade" });
    // The second backup of the same millisecond (create-backup.ts takes the first free number).
    expect(backupFileName(at, "manual", 2)).toBe("backup-20260304-050607.890Z-2-manual.msbackup.gz");
    expect(parseBackupFileName(backupFileName(at, "manual", 2))).toEqual({ at, reason: "manual" });
    // Names of whole seconds, as backups were named before.
    expect(parseBackupFileName("backup-20260304-050607Z-daily.msbackup.gz")).toEqual({ at: new Date("2026-03-04T05:06:07Z"), reason: "daily" });
    expect(parseBackupFileName("notes.txt")).toBeNull();
    expect(parseBackupFileName("backup-20260304-050607.890Z-manual.msbackup.gz.partial")).toBeNull();
  });

  it("keeps 7 daily and 4 weekly over 60 days of daily backups", () => {
    const all = Array.from({ length: 60 }, (_, i) => backup(new Date(Date.UTC(2026, 0, 1 + i, 3)).toISOString()));
    const deleted = new Set(backupsToDelete(all, { daily: 7, weekly: 4 }).map((b) => b.name));
    const kept = all.filter((b) => !deleted.has(b.name)).map((b) => b.at.toISOString().slice(0, 10));
    // The last 7 days, plus the newest of 4 weeks (3 of those weeks older than the daily ones).
    expect(kept.slice(-7)).toEqual(["2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(kept).toHaveLength(10);
    expect(kept.slice(0, 3)).toEqual(["2026-02-08", "2026-02-15", "2026-02-22"]);
  });

  it("keeps only the newest backup of a day among the daily ones, and the last pre-upgrade backups", () => {
    const all = [backup("2026-01-10T01:00:00Z"), backup("2026-01-10T02:00:00Z", "manual"), backup("2026-01-09T01:00:00Z", "pre-upgrade")];
    const deleted = backupsToDelete(all, { daily: 7, weekly: 0 }).map((b) => b.at.toISOString());
    expect(deleted).toEqual(["2026-01-10T01:00:00.000Z"]);
  });

  it("never deletes a backup taken by hand because a second one was taken the same day (the last 5 by hand stay)", () => {
    const all = [backup("2026-01-10T09:00:00Z", "manual"), backup("2026-01-10T10:00:00Z", "manual"), backup("2026-01-10T03:00:00Z")];
    const deleted = backupsToDelete(all, { daily: 7, weekly: 4 }).map((b) => b.at.toISOString());
    expect(deleted).toEqual(["2026-01-10T03:00:00.000Z"]);
    const many = Array.from({ length: 7 }, (_, i) => backup(`2026-01-10T1${i}:00:00Z`, "manual"));
    expect(backupsToDelete(many, { daily: 7, weekly: 4 }).map((b) => b.at.toISOString())).toEqual(["2026-01-10T11:00:00.000Z", "2026-01-10T10:00:00.000Z"]);
  });
});
