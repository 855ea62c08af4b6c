/** `npm run backup`: one consistent backup file of the database and uploads in DATA_DIR/backups, while the system runs. */
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { parseEnv } from "@/lib/env";
import { createBackup } from "@/lib/ops/backup/create-backup";
import { BackupFileError } from "@/lib/ops/backup/format";
import { pruneBackups } from "@/lib/ops/backup/retention";
import { StartupError } from "./launcher/startup-error";
import { appVersion, openDatabaseTarget } from "./ops/database-target";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const dataDir = path.resolve(env.DATA_DIR);
  const target = await openDatabaseTarget(env);
  const handle = createDb(target.url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    console.log(`Backing up ${target.description}…`);
    const result = await createBackup(handle.db, { dir: path.join(dataDir, "backups"), uploadsDir: path.join(dataDir, "uploads"), appVersion: appVersion() });
    const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
    console.log(`✔ ${result.file}\n  ${Object.keys(result.tables).length} tables, ${rows} rows, ${result.files} uploaded files, ${Math.round(result.bytes / 1024)} KiB`);
    const settings = await loadSpaceSettings(handle.db);
    const removed = pruneBackups(path.join(dataDir, "backups"), { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly });
    if (removed.length) console.log(`  Removed ${removed.length} old backup(s) (keeping ${settings.backupKeepDaily} daily, ${settings.backupKeepWeekly} weekly).`);
  } finally {
    await handle.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupFileError || error instanceof StartupError;
  console.error(`✖ Backup failed: ${known ? (error as Error).message : (error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
