import path from "node:path";
import type { Db } from "@/lib/db/client";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { uploadsDirOf } from "@/lib/storage/file-storage";
import { createBackup } from "../backup/create-backup";
import { pruneBackups } from "../backup/retention";
import type { ScheduledJob } from "../scheduler/scheduler";

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
    async run({ now, manual }) {
      const dir = backupsDirOf(o.dataDir);
      const result = await createBackup(o.db, { dir, uploadsDir: uploadsDirOf(o.dataDir), appVersion: o.appVersion, reason: manual ? "manual" : "daily", now });
      const settings = await loadSpaceSettings(o.db);
      const removed = pruneBackups(dir, { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      const size = `${Object.keys(result.tables).length} tables, ${rows} rows, ${result.files} uploaded files, ${Math.round(result.bytes / 1024)} KiB`;
      const pruned = removed.length ? `; removed ${removed.length} old backup(s) (keeping ${settings.backupKeepDaily} daily, ${settings.backupKeepWeekly} weekly)` : "";
      return `${result.file} (${size})${pruned}`;
    },
  };
}
