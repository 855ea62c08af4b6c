/**
 * `npm run restore -- FILE [--yes] [--force]`: checks the backup completely, refuses while the system runs on the
 * target, migrates the target to this app's schema, asks, then restores everything in one transaction (the file
 * streamed, memory flat). A bad file or a refusal leaves the database as it was.
 */
import path from "node:path";
import readline from "node:readline/promises";
import { createDb } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { runMigrations } from "@/drizzle/migrate";
import { BackupFileError } from "@/lib/ops/backup/format";
import { checkBackup } from "@/lib/ops/backup/read-backup";
import { otherAppConnections, restoreBackup } from "@/lib/ops/backup/restore-backup";
import { uploadsDirOf } from "@/lib/storage/file-storage";
import { StartupError } from "./launcher/startup-error";
import { openDatabaseTarget, runningLauncher } from "./ops/database-target";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const yes = args.includes("--yes");
  const force = args.includes("--force");
  if (!file) throw new BackupFileError("Which backup? Usage: npm run restore -- DATA_DIR/backups/backup-….msbackup.gz [--yes] [--force]");
  const again = `npm run restore -- ${file}${force ? " --force" : ""}`;
  console.log(`Checking ${file}…`);
  const backup = await checkBackup(path.resolve(file));
  const rows = backup.tables.reduce((sum, t) => sum + t.rows, 0);
  const env = parseEnv(process.env);
  const launcher = env.DATABASE_URL ? null : runningLauncher(path.resolve(env.DATA_DIR));
  if (launcher !== null) {
    // A restore replaces the data under the web server and the broker, whose caches, sessions and spool would
    // then disagree with it; and the running system's database is one session that the restore would hold.
    throw new StartupError(
      `The system is running on ${path.resolve(env.DATA_DIR)} (\`npm start\`, pid ${launcher}). Stop it first (Ctrl-C where it runs, or \`kill ${launcher}\`), then run \`${again}\` again; start it once the restore is done.`,
    );
  }
  const target = await openDatabaseTarget(env);
  const handle = createDb(target.url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    const others = await otherAppConnections(handle.db);
    if (others > 0) {
      throw new StartupError(
        `The system is running on this database (${others} connection(s) of its web server or broker). Stop them first (with the systemd units: \`systemctl stop makerspace-web makerspace-broker\`), then run \`${again}\` again; start them once the restore is done.`,
      );
    }
    await runMigrations(handle.db);
    console.log(`Backup of ${backup.header.createdAt} (app ${backup.header.appVersion}): ${backup.tables.length} tables, ${rows} rows, ${backup.files} files.`);
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
    await restoreBackup(handle.db, path.resolve(file), { force, uploadsDir: uploadsDirOf(env.DATA_DIR) });
    console.log(`✔ Restored ${rows} rows and ${backup.files} files.`);
  } finally {
    await handle.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupFileError || error instanceof StartupError;
  const cause = (error as Error)?.cause instanceof Error ? ` (${((error as Error).cause as Error).message})` : "";
  console.error(`✖ Restore failed, the database is unchanged: ${known ? (error as Error).message : `${(error as Error)?.message ?? String(error)}${cause}`}`);
  process.exit(1);
});
