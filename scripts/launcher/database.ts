import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { pingDatabase, prepareDatabase } from "@/drizzle/prepare";
import { isDatabaseEmpty, seedDemoData, type DemoSeed } from "@/drizzle/seed";
import { migrationsFolder } from "@/drizzle/migrate";
import { UpgradeError, pendingMigrations, upgradeDatabase } from "@/lib/ops/upgrade";
import { appliedMigrations } from "@/lib/ops/backup/database-layout";
import { appVersion } from "@/lib/ops/app-version";
import { StartupError, redactUrl } from "./startup-error";

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  /** Demo logins: fresh after seeding, else read back from DATA_DIR (they may have been changed since). */
  demo: DemoSeed | null;
  seededNow: boolean;
}

export async function openEmbedded(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  try {
    return await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pgdata"), port });
  } catch (error) {
    throw new StartupError(`The embedded database in ${dataDir}/pgdata could not be opened: ${(error as Error).message}`);
  }
}

export interface OpenedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  /**
   * Migrated to this version already (a plain restart). Only then may the web server boot while the rest of the
   * preparation runs: new code must never serve an old schema, nor a fresh install serve before its tables exist.
   */
  upToDate: boolean;
}

/** The database's address: DATABASE_URL's, or the embedded one's, started here. Nothing is migrated yet. */
export async function openDatabase(options: { databaseUrl: string | undefined; dataDir: string; embeddedPort: number }): Promise<OpenedDatabase> {
  const embedded = options.databaseUrl ? null : await openEmbedded(options.dataDir, options.embeddedPort);
  const url = options.databaseUrl ?? embedded!.url;
  // Answering at all is checked here, before anything is started against it.
  const handle = createDb(url, { max: 1, connectTimeoutSeconds: 5 });
  let upToDate: boolean;
  try {
    await reachable(handle.db, url);
    upToDate = (await appliedMigrations(handle.db)).length > 0 && (await pendingMigrations(handle.db, migrationsFolder)) === 0;
  } catch (error) {
    await embedded?.stop().catch(() => {});
    throw error;
  } finally {
    await handle.close();
  }
  return { url, embedded, upToDate };
}

async function reachable(db: Db, url: string): Promise<void> {
  try {
    await pingDatabase(db);
  } catch (error) {
    throw new StartupError(`Cannot reach the database at ${redactUrl(url)}: ${describe(error)}. Check DATABASE_URL, or unset it to use the embedded database.`);
  }
}

/** Connects, migrates, adds reference data and, into an empty database, the demo data; on failure an embedded database is stopped. */
export async function prepareOpened(opened: OpenedDatabase, options: { dataDir: string; demoPassword: string | undefined }): Promise<PreparedDatabase> {
  const handle = createDb(opened.url, { max: 2, connectTimeoutSeconds: 5 });
  try {
    const result = await migrateAndSeed(handle.db, opened.url, options);
    await handle.close();
    return { ...opened, ...result };
  } catch (error) {
    await handle.close();
    await opened.embedded?.stop().catch(() => {});
    throw error;
  }
}

/** openDatabase, then prepareOpened. */
export async function prepare(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  demoPassword: string | undefined;
}): Promise<PreparedDatabase> {
  return prepareOpened(await openDatabase(options), options);
}

async function migrateAndSeed(
  db: Db,
  url: string,
  options: { dataDir: string; demoPassword: string | undefined },
): Promise<{ demo: DemoSeed | null; seededNow: boolean }> {
  await reachable(db, url);
  try {
    // Pending migrations on a database with data: a backup first (DATA_DIR/backups), then the upgrade.
    await upgradeDatabase(db, { dataDir: options.dataDir, appVersion: appVersion(), migrationsFolder, migrate: prepareDatabase, log: console.log });
  } catch (error) {
    if (error instanceof UpgradeError) throw new StartupError(error.message);
    throw new StartupError(`Migrating the database failed and was rolled back: ${describe(error)}`);
  }
  const demoFile = path.join(options.dataDir, "demo-logins.json");
  if (await isDatabaseEmpty(db)) {
    const demo = await seedDemoData(db, options.demoPassword, { showcase: true });
    fs.writeFileSync(demoFile, JSON.stringify(demo, null, 2), { mode: 0o600 });
    return { demo, seededNow: true };
  }
  return { demo: readDemo(demoFile), seededNow: false };
}

function readDemo(file: string): DemoSeed | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as DemoSeed;
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { message?: string; code?: string } };
  const inner = e.cause ?? e;
  return [inner.code, inner.message].filter(Boolean).join(" ") || String(error);
}
