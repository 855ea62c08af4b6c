import path from "node:path";
import type { Db } from "@/lib/db/client";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { uploadsDirOf } from "@/lib/storage/file-storage";
import { createBackup, type BackupProgress } from "../backup/create-backup";
import { pruneBackups } from "../backup/retention";
import type { ScheduledJob } from "../scheduler/scheduler";

/** "tables 12/80": what a running backup stores as its detail, read back by parseBackupProgress. */
export const formatBackupProgress = (p: BackupProgress) => `${p.stage} ${p.done}/${p.total}`;

export function parseBackupProgress(detail: string | null): BackupProgress | null {
  const m = /^(tables|files) (\d+)\/(\d+)$/.exec(detail ?? "");
  return m ? { stage: m[1] as BackupProgress["stage"], done: Number(m[2]), total: Number(m[3]) } : null;
}

export const backupsDirOf = (dataDir: string) => path.join(path.resolve(dataDir), "backups");

/**
 * The daily backup into DATA_DIR/backups of the instance that claims it, then the old backups pruned with the
 * retention from the settings. By hand (`npm run job -- backup`) the file is marked "manual".
 */
export function backupJob(o: { db: Db; dataDir: string; appVersion: string }): ScheduledJob {
  return {
    name: "backup",
    description: "one consistent backup of the database and the uploads in DATA_DIR/backups; old ones pruned",
    // Before the retention purge (03:00), which deletes audit entries only once they are in a backup.
    schedule: { cadence: "daily", atHour: 2 },
    alertOnFailure: true,
    async run({ now, manual, progress }) {
      const dir = backupsDirOf(o.dataDir);
      const onProgress = progress && ((p: BackupProgress) => progress(formatBackupProgress(p)));
      const result = await createBackup(o.db, {
        dir,
        uploadsDir: uploadsDirOf(o.dataDir),
        appVersion: o.appVersion,
        reason: manual ? "manual" : "daily",
        now,
        onProgress,
      });
      const settings = await loadSpaceSettings(o.db);
      const removed = pruneBackups(dir, { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      const size = `${Object.keys(result.tables).length} tables, ${rows} rows, ${result.files} uploaded files, ${Math.round(result.bytes / 1024)} KiB`;
      const pruned = removed.length
        ? `; removed ${removed.length} old backup(s) (keeping ${settings.backupKeepDaily} daily, ${settings.backupKeepWeekly} weekly)`
        : "";
      return `${result.file} (${size})${pruned}`;
    },
  };
}
