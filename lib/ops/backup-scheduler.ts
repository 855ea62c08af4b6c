import path from "node:path";
import { createDb } from "@/lib/db/client";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { createBackup } from "./backup/create-backup";
import { listBackups, pruneBackups } from "./backup/retention";
import { purgeExpired } from "./retention-purge";

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface SchedulerOptions {
  databaseUrl: string;
  dataDir: string;
  appVersion: string;
  log: (line: string) => void;
}

/** True when the newest regular backup is a day old or there is none: then a daily backup is due. */
export function dailyBackupDue(dir: string, now: Date): boolean {
  const newest = listBackups(dir).find((b) => b.reason !== "pre-upgrade");
  return !newest || now.getTime() - newest.at.getTime() >= DAY_MS - CHECK_EVERY_MS / 2;
}

/** One daily backup plus pruning, with the retention from the space settings. */
export async function runDailyBackup(options: SchedulerOptions): Promise<string | null> {
  const dir = path.join(options.dataDir, "backups");
  if (!dailyBackupDue(dir, new Date())) return null;
  const handle = createDb(options.databaseUrl, { max: 1, connectTimeoutSeconds: 10 });
  try {
    const result = await createBackup(handle.db, { dir, uploadsDir: path.join(options.dataDir, "uploads"), appVersion: options.appVersion, reason: "daily" });
    const settings = await loadSpaceSettings(handle.db);
    const removed = pruneBackups(dir, { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly });
    options.log(`Daily backup written: ${result.file} (${Math.round(result.bytes / 1024)} KiB)${removed.length ? `; removed ${removed.length} old backup(s)` : ""}`);
    // Only after a successful backup: what is purged is still in the backups for their retention.
    const purged = await purgeExpired(handle.db, settings);
    if (purged.loginAttempts || purged.auditEntries) options.log(`Retention: removed ${purged.loginAttempts} old login attempts, ${purged.auditEntries} old audit entries`);
    return result.file;
  } finally {
    await handle.close();
  }
}

/**
 * Checks hourly whether a daily backup is due (rather than one timer for 24 h, which a suspended or restarted
 * machine would miss). A failure is logged and retried at the next check; it never stops the system.
 */
export function startBackupScheduler(options: SchedulerOptions): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDailyBackup(options)
      .catch((error: unknown) => options.log(`✖ Daily backup failed: ${(error as Error).message}`))
      .finally(() => (running = false));
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
