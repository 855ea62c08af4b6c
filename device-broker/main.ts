/**
 * `npm run start:broker`: the device broker alone against DATABASE_URL (also what `npm start` supervises).
 * Problems the operator can fix are printed as one line, never as a stack trace, and exit with code 1.
 */
import pino from "pino";
import { prepareDatabase, pingDatabase } from "@/drizzle/prepare";
import { createDb, type DbHandle } from "@/lib/db/client";
import { handleUncaught } from "@/lib/db/driver-faults";
import { EnvError, parseEnv, type Env } from "@/lib/env";
import { createMailer } from "@/lib/domain/mail/mailer";
import { createSettingsMailer } from "@/lib/domain/settings/settings-mailer";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { appVersion } from "@/lib/ops/app-version";
import { startBroker, type RunningBroker } from "./broker";
import { retryDatabaseUntilBack } from "./database-recovery";
import { startExternalDispatcher } from "./external";
import type { BrokerMetrics } from "./metrics";
import { startScheduledJobs } from "./scheduled-jobs";
import { readSnapshotFile, snapshotFilePath, type SavedSnapshot } from "./snapshot/snapshot-file";

class StartupError extends Error {}

async function main(): Promise<void> {
  const env = readEnv();
  if (!env.DATABASE_URL) throw new StartupError("DATABASE_URL is not set. Use `npm start` for the embedded database, or set DATABASE_URL.");
  const logger = pino({ level: env.LOG_LEVEL, base: { service: "broker" } });
  const database = createDb(env.DATABASE_URL, { max: 5, connectTimeoutSeconds: 5 });
  let broker: Pick<RunningBroker, "close"> | undefined;
  let scheduler: { stop(): Promise<void> } | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return process.exit(1); // a second Ctrl-C means now
    stopping = true;
    logger.info({ signal }, "stopping");
    await scheduler?.stop();
    await broker?.close().catch((error: unknown) => logger.error({ err: error }, "broker did not close cleanly"));
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // Every known async path has its catch; this is the net under a bug, so one bad message cannot take all boards down.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  // The database driver's one known throw outside a promise is survived; anything else exits for the supervisor.
  process.on("uncaughtException", (error) => handleUncaught(error, logger, (code) => process.exit(code)));

  let onDatabaseBack: () => unknown = () => {};
  const savedSnapshot = await connect(database, env.DATABASE_URL, env.DATA_DIR, logger, {
    stopped: () => stopping,
    onBack: () => onDatabaseBack(),
  });
  if (env.MQTT_URL) {
    // Scale-out: the space runs its own broker (Mosquitto, EMQX); we are one of its clients, retrying forever.
    if (!/^(mqtts?|tcp|tls|wss?):\/\/[^/]/.test(env.MQTT_URL)) throw new StartupError("MQTT_URL must look like mqtt://user:password@host:1883 (or mqtts://)");
    const sharedGroup = env.MQTT_SHARED_GROUP === "none" ? null : env.MQTT_SHARED_GROUP;
    const dispatcher = startExternalDispatcher({ db: database.db, url: env.MQTT_URL, logger, sharedGroup, dataDir: env.DATA_DIR });
    broker = dispatcher;
    scheduler = scheduleJobs(env, database, logger, dispatcher);
    return;
  }
  try {
    const embedded = await startBroker({
      db: database.db,
      port: env.MQTT_PORT,
      host: env.MQTT_HOST,
      logger,
      dataDir: env.DATA_DIR,
      savedSnapshot,
      maxConnectionsPerAddress: env.MQTT_MAX_CONNECTIONS_PER_ADDRESS,
    });
    broker = embedded;
    onDatabaseBack = () => embedded.offline.snapshot?.refresh();
    scheduler = scheduleJobs(env, database, logger, embedded);
  } catch (error) {
    await database.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`MQTT port ${env.MQTT_PORT} is already in use; set MQTT_PORT`);
    if (code === "EACCES") throw new StartupError(`Not allowed to listen on MQTT port ${env.MQTT_PORT}; set MQTT_PORT to a port above 1024`);
    throw error;
  }
}

/** Backups, purge, reminders and weekly mails; with several broker instances each period still runs once (claimed in the database). */
function scheduleJobs(env: Env, database: DbHandle, logger: pino.Logger, instance: { instanceId: string; metrics: BrokerMetrics }) {
  if (env.SCHEDULER_CHECK_SECONDS === 0) return undefined;
  // The admin's SMTP settings when saved, else SMTP_URL, as the web app does.
  const mailer = createSettingsMailer(() => loadSpaceSettings(database.db), createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger }), logger);
  return startScheduledJobs({
    db: database.db,
    mailer,
    dataDir: env.DATA_DIR,
    appVersion: appVersion(),
    logger,
    instanceId: instance.instanceId,
    counters: instance.metrics,
    checkMs: env.SCHEDULER_CHECK_SECONDS * 1000,
    firstCheckMs: Math.min(30_000, env.SCHEDULER_CHECK_SECONDS * 1000),
  });
}

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) throw new StartupError(error.message.replace(/\n\s*/g, " "));
    throw error;
  }
}

/**
 * Brings the database's schema up to date (serialised by a lock). A database that cannot answer fails fast —
 * unless an earlier run saved a decision snapshot: then boards are served from it (returned), writes are spooled,
 * and the database is retried in the background until it is back.
 */
async function connect(
  database: DbHandle,
  url: string,
  dataDir: string,
  logger: pino.Logger,
  recovery: { stopped(): boolean; onBack(): unknown },
): Promise<SavedSnapshot | null> {
  try {
    await pingDatabase(database.db);
  } catch (error) {
    const reason = `Cannot reach the database at ${redactUrl(url)}: ${describe(error)}`;
    const saved = readSnapshotFile(snapshotFilePath(dataDir), logger);
    if (!saved) {
      await database.close().catch(() => {});
      throw new StartupError(reason);
    }
    logger.warn({ savedAt: saved.savedAt.toISOString() }, `${reason}; starting from the saved decision snapshot and retrying the database`);
    retryDatabaseUntilBack({ db: database.db, logger, ping: pingDatabase, prepare: prepareDatabase, ...recovery });
    return saved;
  }
  // Under `npm start` the launcher has just migrated and seeded: a second pass (DDL of the database functions,
  // reference rows) would only delay the broker's start.
  if (process.env.MAKERSPACE_DATABASE_PREPARED !== "1") await prepareDatabase(database.db);
  return null;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function describe(error: unknown): string {
  // drizzle wraps the driver's error ("Failed query: …") in `cause`; the driver's own words are what help.
  let e = error as (NodeJS.ErrnoException & { errors?: Error[] }) | undefined;
  while (e?.cause) e = e.cause as typeof e;
  // postgres.js reports a refused dual-stack connect as an AggregateError with an empty message.
  return e?.message || e?.code || e?.errors?.[0]?.message || String(error);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? `✖ ${error.message}` : error);
  process.exit(1);
});
