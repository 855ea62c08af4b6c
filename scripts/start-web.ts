/**
 * `npm run start:web` (`node scripts/start.mjs web`, compiled): the web server alone, for production against
 * DATABASE_URL. Applies pending migrations first (serialised with any other instance by an advisory lock), then runs
 * our web server around Next (scripts/web/web-server.ts), compiled as well.
 */
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { prepareDatabase, pingDatabase } from "@/drizzle/prepare";
import { StartupError, redactUrl } from "./launcher/startup-error";
import { webServerArgs } from "./launcher/broker-bundle";
import { ensureBuild } from "./launcher/build";
import { migrationsFolder } from "@/drizzle/migrate";
import { UpgradeError, upgradeDatabase } from "@/lib/ops/upgrade";
import { appendErrorLine } from "@/lib/ops/error-log";
import { loggingErrors, spawnWithErrorLog } from "@/lib/ops/error-log-child";
import { appVersion } from "@/lib/ops/app-version";
import { makeDataDirPrivate } from "./launcher/private-data-dir";
import { webCommandArgs } from "./web/web-command";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) throw new StartupError("DATABASE_URL is not set. `npm start` runs everything with the embedded database.");
  if (!env.AUTH_SECRET) throw new StartupError("AUTH_SECRET is not set (32+ random characters; e.g. `openssl rand -base64 32`).");
  const web = webCommandArgs(root, env);
  const dataDir = path.resolve(env.DATA_DIR);
  // Uploads and backups live here: private to this user (0700/0600), as under `npm start`.
  makeDataDirPrivate(dataDir);
  // Our own error lines ("✖ …") and the web server's pino errors are kept for the system page's "recent errors".
  const log = loggingErrors(dataDir);
  const handle = createDb(env.DATABASE_URL, { max: 1, connectTimeoutSeconds: 5 });
  try {
    await pingDatabase(handle.db).catch((error: Error) => {
      throw new StartupError(`Cannot reach the database at ${redactUrl(env.DATABASE_URL!)}: ${error.message}`);
    });
    // Pending migrations on a database with data: a backup to DATA_DIR/backups first.
    await upgradeDatabase(handle.db, { dataDir, appVersion: appVersion(), migrationsFolder, migrate: prepareDatabase, log }).catch((error: unknown) => {
      throw error instanceof UpgradeError ? new StartupError(error.message) : error;
    });
  } finally {
    await handle.close();
  }
  await ensureBuild(root, log);
  const child = spawnWithErrorLog({
    command: process.execPath,
    // Compiled like under `npm start` (scripts/launcher/broker-bundle.ts), through tsx only if that fails.
    args: await webServerArgs(root, web.args, log),
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    dataDir,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? `✖ ${error.message}` : error);
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  appendErrorLine(dataDir, `✖ start:web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
