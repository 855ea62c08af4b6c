import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "@/lib/db/client";
import { createBackup } from "./backup/create-backup";
import { appliedMigrations } from "./backup/database-layout";

/** Migrations in the folder that the database has not applied yet (drizzle compares by folder timestamp). */
export async function pendingMigrations(db: Db, migrationsFolder: string): Promise<number> {
  const applied = await appliedMigrations(db);
  const last = applied.length ? Number(applied.at(-1)!.createdAt) : -1;
  return readMigrationFiles({ migrationsFolder }).filter((m) => m.folderMillis > last).length;
}

/** A failed upgrade, with what happened and how to get back, for the person starting the system. */
export class UpgradeError extends Error {}

export interface UpgradeOptions {
  dataDir: string;
  appVersion: string;
  migrationsFolder: string;
  /** Applies the pending migrations (all in one transaction: drizzle's migrator). */
  migrate: (db: Db) => Promise<void>;
  log?: (line: string) => void;
}

/**
 * Pending migrations on a database that already holds data: back it up first, then migrate. A failing
 * migration rolls back as a whole; the error names the backup and the command that restores it.
 */
export async function upgradeDatabase(db: Db, options: UpgradeOptions): Promise<{ pending: number; backupFile: string | null }> {
  const pending = await pendingMigrations(db, options.migrationsFolder);
  let backupFile: string | null = null;
  if (pending > 0 && (await appliedMigrations(db)).length > 0) {
    options.log?.(`${pending} database upgrade(s) pending: taking a backup first…`);
    const result = await createBackup(db, {
      dir: path.join(options.dataDir, "backups"),
      uploadsDir: path.join(options.dataDir, "uploads"),
      appVersion: options.appVersion,
      reason: "pre-upgrade",
    });
    backupFile = result.file;
    options.log?.(`Backup before the upgrade: ${backupFile}`);
  }
  try {
    await options.migrate(db);
  } catch (error) {
    const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new UpgradeError(
      `Upgrading the database failed and was rolled back; the data is as it was before (${reason}).` +
        (backupFile
          ? ` Should anything be wrong, the backup taken just before is ${backupFile}: restore it with \`npm run restore -- ${backupFile}\` into an empty database.`
          : "") +
        " Go back to the previous app version, or report this error.",
    );
  }
  return { pending, backupFile };
}
