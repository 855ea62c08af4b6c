import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded/embedded-postgres";
import { syncPath } from "@/lib/fs/sync-path";
import { pingDatabase, prepareDatabase } from "@/drizzle/prepare";
import { isDatabaseEmpty, seedDemoData, type DemoSeed } from "@/drizzle/seed";
import { migrationsFolder } from "@/drizzle/migrate";
import { UpgradeError, pendingMigrations, upgradeDatabase } from "@/lib/ops/upgrade";
import { appliedMigrations } from "@/lib/ops/backup/database-layout";
import { analyzeDatabase } from "@/lib/ops/db-maintenance";
import { appVersion } from "@/lib/ops/app-version";
import { prepareChildArgs } from "./broker-bundle";
import { StartupError, redactUrl } from "./startup-error";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  /** Demo logins: fresh after seeding, else read back from DATA_DIR (they may have been changed since). */
  demo: DemoSeed | null;
  seededNow: boolean;
}

/**
 * A fresh embedded database is created here and renamed to pgdata only once migrated and seeded, so a fresh install
 * that was stopped half-way (Ctrl-C, a power cut) starts over instead of leaving a pgdata that cannot be opened.
 */
export const PREPARING_DIR = "pgdata.preparing";

export async function openEmbedded(dataDir: string, port: number, dir = "pgdata"): Promise<EmbeddedPostgres> {
  try {
    return await startEmbeddedPostgres({ dataDir: path.join(dataDir, dir), port });
  } catch (error) {
    throw new StartupError(`The embedded database in ${dataDir}/${dir} could not be opened: ${(error as Error).message}`);
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
  /** The embedded database was new: a child process created and prepared it before it was opened here (`prepareInChild`). */
  preparedInChild?: { demo: DemoSeed | null; seededNow: boolean };
}

/**
 * The database's address: DATABASE_URL's (nothing migrated yet), or the embedded one's, started here. A new embedded
 * database is first created and prepared in a child process (`prepareInChild`), so this process opens a prepared one.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  demoPassword?: string | undefined;
  /** Stopping the system: a preparation child running is stopped, and the open fails once it has exited. */
  signal?: AbortSignal;
}): Promise<OpenedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: null, upToDate: await checkUpToDate(options.databaseUrl, null) };
  // A fresh install: initdb, migrations and demo data in a child. (An upgrade still migrates here, before the web starts.)
  const fresh = !fs.existsSync(path.join(options.dataDir, "pgdata", "PG_VERSION"));
  const preparedInChild = fresh ? await prepareInChild(options.dataDir, options.demoPassword, options.signal) : undefined;
  const embedded = await openEmbedded(options.dataDir, options.embeddedPort);
  const upToDate = await checkUpToDate(embedded.url, embedded);
  return { url: embedded.url, embedded, upToDate, ...(preparedInChild && upToDate ? { preparedInChild } : {}) };
}

/**
 * A DATABASE_URL that does not answer, said before anything slow is done (a missing web build takes minutes to make;
 * the web server would be started for nothing). openDatabase checks again: it may have gone away meanwhile.
 */
export async function ensureReachable(url: string): Promise<void> {
  const handle = createDb(url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    await reachable(handle.db, url);
  } finally {
    await handle.close();
  }
}

/** Answering at all is checked here, before anything is started against it; on failure an embedded database is stopped. */
async function checkUpToDate(url: string, embedded: EmbeddedPostgres | null): Promise<boolean> {
  const handle = createDb(url, { max: 1, connectTimeoutSeconds: 5 });
  try {
    await reachable(handle.db, url);
    return (await appliedMigrations(handle.db)).length > 0 && (await pendingMigrations(handle.db, migrationsFolder)) === 0;
  } catch (error) {
    await embedded?.stop().catch(() => {});
    throw error;
  } finally {
    await handle.close();
  }
}

/** What scripts/launcher/prepare-child.ts answers. */
export type PrepareAnswer = { ok: true; demo: DemoSeed | null; seededNow: boolean } | { ok: false; message: string };

/**
 * Runs prepareOpened on the embedded database in DATA_DIR in a short-lived child process (prepare-child.ts): PGlite's
 * WebAssembly memory never shrinks and initdb and the seed leave tens of MB in the malloc heap, which would stay
 * resident in the launcher for the system's lifetime (fresh install: launcher idle 366 → 226 MB, as on a restart).
 */
export async function prepareInChild(
  dataDir: string,
  demoPassword: string | undefined,
  signal?: AbortSignal,
): Promise<{ demo: DemoSeed | null; seededNow: boolean }> {
  const preparing = path.join(dataDir, PREPARING_DIR);
  // What an interrupted fresh install left behind.
  fs.rmSync(preparing, { recursive: true, force: true });
  if (signal?.aborted) throw new StartupError("Stopped before the embedded database was prepared.");
  const { DEMO_PASSWORD: _inherited, ...env } = process.env;
  const child = spawn(process.execPath, [...(await prepareChildArgs(root)), dataDir, PREPARING_DIR], {
    cwd: root,
    env: demoPassword ? { ...env, DEMO_PASSWORD: demoPassword } : env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // Settled only when the child has exited: the launcher keeps DATA_DIR locked until then.
  const stop = () => child.kill("SIGTERM");
  signal?.addEventListener("abort", stop, { once: true });
  let answer: PrepareAnswer | undefined;
  child.on("message", (message) => (answer ??= message as PrepareAnswer));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  }).finally(() => signal?.removeEventListener("abort", stop));
  if (signal?.aborted) {
    fs.rmSync(preparing, { recursive: true, force: true });
    throw new StartupError("Stopped while the embedded database was being prepared; the next start prepares it again.");
  }
  if (!answer) throw new StartupError(`Preparing the embedded database in ${preparing} failed (exit code ${code}); see the messages above.`);
  if (!answer.ok) throw new StartupError(answer.message);
  moveIntoPlace(preparing, path.join(dataDir, "pgdata"));
  return { demo: answer.demo, seededNow: answer.seededNow };
}

/**
 * A pgdata without PG_VERSION is no database (made by hand, or half-made before fresh installs were prepared aside):
 * an empty one is replaced, anything else is kept beside it as pgdata.incomplete-<time>, never deleted.
 */
function moveIntoPlace(preparing: string, pgdata: string): void {
  try {
    if (fs.existsSync(pgdata)) {
      if (fs.readdirSync(pgdata).length === 0) fs.rmdirSync(pgdata);
      else fs.renameSync(pgdata, `${pgdata}.incomplete-${new Date().toISOString().replace(/[:.]/g, "-")}`);
    }
    fs.renameSync(preparing, pgdata);
    // The rename itself on disk: a power cut now must not bring the half-made name back.
    syncPath(path.dirname(pgdata));
  } catch (error) {
    throw new StartupError(
      `The new embedded database is ready in ${preparing} but could not be moved to ${pgdata}: ${(error as Error).message}. ` +
        `Is ${pgdata} a mount point or read-only? Give DATA_DIR itself the space, not ${pgdata}.`,
    );
  }
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
  const { preparedInChild, ...database } = opened;
  if (preparedInChild) return { ...database, ...preparedInChild };
  const handle = createDb(opened.url, { max: 2, connectTimeoutSeconds: 5 });
  try {
    const result = await migrateAndSeed(handle.db, opened.url, options);
    await handle.close();
    return { ...database, ...result };
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
    // The embedded database has no autovacuum: without this its planner knows none of the rows just loaded.
    await analyzeDatabase(db);
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
