/**
 * `npm run restore -- FILE [--yes] [--force]`: checks the backup completely, migrates the target to this app's
 * schema, asks, then restores everything in one transaction. A bad file or a refusal leaves the database as it was.
 */
import path from "node:path";
import readline from "node:readline/promises";
import { createDb } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { runMigrations } from "@/drizzle/migrate";
import { BackupFileError } from "@/lib/ops/backup/format";
import { readBackup } from "@/lib/ops/backup/read-backup";
import { restoreBackup } from "@/lib/ops/backup/restore-backup";
import { uploadsDirOf } from "@/lib/storage/file-storage";
import { StartupError } from "./launcher/startup-error";
import { openDatabaseTarget } from "./ops/database-target";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const yes = args.includes("--yes");
  const force = args.includes("--force");
  if (!file) throw new BackupFileError("Which backup? Usage: npm run restore -- DATA_DIR/backups/backup-….msbackup.gz [--yes] [--force]");
  console.log(`Checking ${file}…`);
  const backup = await readBackup(path.resolve(file));
  const rows = backup.tables.reduce((sum, t) => sum + t.rows.length, 0);
  const env = parseEnv(process.env);
  const target = await openDatabaseTarget(env);
  const handle = createDb(target.url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    await runMigrations(handle.db);
    console.log(
      `Backup of ${backup.header.createdAt} (app ${backup.header.appVersion}): ${backup.tables.length} tables, ${rows} rows, ${backup.files.length} files.`,
    );
    console.log(`Restore into ${target.description}${force ? ", REPLACING its current data" : ""}?`);
    if (!yes) {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
      // Input that ends without an answer (closed stdin) counts as no.
      const answer = await new Promise<string>((resolve) => {
        rl.once("close", () => resolve(""));
        rl.question("Type yes to continue: ").then(
          (a) => resolve(a.trim().toLowerCase()),
          () => resolve(""),
        );
      });
      rl.close();
      if (answer !== "yes") {
        console.log("Nothing restored.");
        return;
      }
    }
    await restoreBackup(handle.db, backup, { force, uploadsDir: uploadsDirOf(env.DATA_DIR) });
    console.log(`✔ Restored ${rows} rows and ${backup.files.length} files.`);
  } finally {
    await handle.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupFileError || error instanceof StartupError;
  console.error(`✖ Restore failed, the database is unchanged: ${known ? (error as Error).message : ((error as Error)?.message ?? String(error))}`);
  process.exit(1);
});
