/**
 * `npm start`: the whole system on one machine. Embedded PostgreSQL (PGlite) unless DATABASE_URL is set,
 * migrations, demo data into an empty database, a web build if needed, then the web server and the board
 * broker as supervised child processes. Ctrl-C stops everything.
 */
import fs from "node:fs";
import path from "node:path";
import { env, parseEnv } from "@/lib/env";
import { AuthSecretError, loadOrCreateAuthSecret } from "@/lib/secrets/auth-secret";
import { appendErrorLine, isErrorLine } from "@/lib/ops/error-log";
import { removeServiceStatus, writeServiceStatus } from "@/lib/ops/service-status";
import { banner } from "./launcher/banner";
import { brokerArgs, webServerArgs } from "./launcher/broker-bundle";
import { ensureBuild } from "./launcher/build";
import { closeDataDir, makeDataDirPrivate, mendDataDirModes } from "./launcher/private-data-dir";
import { launcherPublicUrl } from "./launcher/public-url";
import type { OpenedDatabase, PreparedDatabase } from "./launcher/database";
import { acquireDataDirLock, ensurePortFree, ensureWritableDir } from "./launcher/preflight";
import { StartupError } from "./launcher/startup-error";
import { startTimer, timedLog } from "./launcher/start-timing";
import { Supervisor } from "./launcher/supervisor";
import { waitForHealth } from "./launcher/wait-for-health";
import { embeddedUrlFile } from "./ops/embedded-url-file";
import { waitForHttpsHealth, webCommandArgs } from "./web/web-command";

const root = path.resolve(import.meta.dirname, "..");
/**
 * The database side (PGlite, drizzle, postgres.js, schema, migrations, seed, nodemailer), loaded after the web server
 * was spawned: every module imported statically above is loaded before it can be, and these took ~0.4 s of CPU.
 * It fails to load only with a broken install (a chunk of the launcher's bundle or a package missing).
 */
async function loadDatabaseStage(): Promise<typeof import("./launcher/database-stage")> {
  try {
    return await import("./launcher/database-stage");
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new StartupError(`The launcher's database code could not be loaded (${reason}). The installation looks incomplete: run \`npm ci\` again.`);
  }
}
/** The auth secret kept in DATA_DIR; one that cannot be read or made stops the start with its own message. */
function authSecretIn(dataDir: string): string {
  try {
    return loadOrCreateAuthSecret(dataDir);
  } catch (error) {
    throw error instanceof AuthSecretError ? new StartupError(error.message) : error;
  }
}
const log = (line: string) => {
  console.log(line);
  // Errors of the web server and the broker also go to DATA_DIR/logs/errors.log for the admin's system page.
  if (isErrorLine(line)) appendErrorLine(path.resolve(env().DATA_DIR), line);
};

async function main(): Promise<void> {
  const step = startTimer(log);
  step("launcher loaded");
  const env = parseEnv(process.env);
  const web = webCommandArgs(root, env);
  const dataDir = path.resolve(env.DATA_DIR);
  ensureWritableDir(dataDir);
  // DATA_DIR 0700 and the umask now; the modes inside are mended once the web server answers (below).
  closeDataDir(dataDir);
  const releaseLock = acquireDataDirLock(dataDir);
  try {
    await ensurePortFree(env.PORT, env.HOST, "web server", "PORT");
    await ensurePortFree(env.MQTT_PORT, env.MQTT_HOST, "board broker (MQTT)", "MQTT_PORT");
    if (env.DATABASE_URL) await (await loadDatabaseStage()).ensureReachable(env.DATABASE_URL);
  } catch (error) {
    // Refused before anything started: DATA_DIR is not left locked.
    releaseLock();
    throw error;
  }

  step("preflight checked");
  // The web server gives up on repeated exits (and ends the system); the broker is restarted with backoff however
  // often it crashes, the web keeps serving, and the system page shows its state (DATA_DIR/logs/services.json).
  const supervisor = new Supervisor(timedLog(log), (message) => void shutdown(message, 1), {
    onState: (services) => writeServiceStatus(dataDir, services),
  });
  let opened: OpenedDatabase | undefined;
  let opening: Promise<unknown> = Promise.resolve();
  const stopPreparing = new AbortController();
  let stopping = false;
  async function shutdown(reason: string, code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log(reason);
    // A fresh install's preparation child is stopped, and DATA_DIR stays locked until it has exited.
    stopPreparing.abort();
    await opening.catch(() => {});
    await supervisor.stop();
    removeServiceStatus(dataDir);
    fs.rmSync(embeddedUrlFile(dataDir), { force: true });
    await opened?.embedded?.stop().catch(() => {});
    makeDataDirPrivate(dataDir);
    releaseLock();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown("Stopping…", 0));
  process.on("SIGTERM", () => void shutdown("Stopping…", 0));
  const failed = (error: unknown) => shutdown(error instanceof StartupError ? `✖ ${error.message}` : `✖ Start failed: ${String(error)}`, 1);
  // Whatever else goes wrong from here (an unreadable auth secret, a full disk, …) stops what was started and
  // unlocks DATA_DIR, with one line.
  try {
    await startServices();
  } catch (error) {
    await failed(error);
  }

  async function startServices(): Promise<void> {
    try {
      await ensureBuild(root, log);
    } catch (error) {
      return failed(error);
    }
    step("web build checked");
    // Stopped while the build was checked (it can take minutes): nothing more is started.
    if (stopping) return;

    const publicUrl = launcherPublicUrl(env, web.scheme);
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      AUTH_SECRET: env.AUTH_SECRET ?? authSecretIn(dataDir),
      AUTH_TRUST_HOST: "true",
      // Links in mails and feeds come from this (until an admin saves another in /admin/settings), never from a request.
      PUBLIC_URL: publicUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // Migrated and seeded below, before the broker starts: it need not prepare the database a second time.
      MAKERSPACE_DATABASE_PREPARED: "1",
    };
    // The web server boots now (Next's start is the longest part of a start) while the database opens and is
    // prepared, and serves only once the gate opens: at once on a plain restart (the schema is this version's), after
    // the migrations with any pending (an upgrade), so new code never serves an old schema. A fresh embedded database
    // is created and prepared by a child before it is opened here (openDatabase).
    let openGate: (env: Record<string, string>) => void = () => {};
    const gate = new Promise<Record<string, string>>((resolve) => (openGate = resolve));
    supervisor.start({
      name: "web",
      command: process.execPath,
      args: await webServerArgs(root, web.args, log),
      env: childEnv,
      cwd: root,
      gate,
      onServe: () => step("web told to serve"),
    });
    step("web started");
    let stage: Awaited<ReturnType<typeof loadDatabaseStage>>;
    try {
      stage = await loadDatabaseStage();
    } catch (error) {
      // The web server is booting: stopped with everything else.
      return failed(error);
    }
    const { mailDeliveryOf, openDatabase, prepareOpened } = stage;
    step("database code loaded");

    log(env.DATABASE_URL ? "Using the PostgreSQL at DATABASE_URL." : `Starting the embedded database in ${dataDir}/pgdata…`);
    try {
      // Stopped meanwhile: the database is not opened under a shutdown that has released DATA_DIR.
      if (stopping) return;
      const open = openDatabase({
        databaseUrl: env.DATABASE_URL,
        dataDir,
        embeddedPort: env.EMBEDDED_DB_PORT,
        demoPassword: env.DEMO_PASSWORD,
        signal: stopPreparing.signal,
      });
      opening = open;
      opened = await open;
    } catch (error) {
      return failed(error);
    }
    step(`database open (${opened.preparedInChild ? "created and prepared in a child" : opened.upToDate ? "up to date" : "migrations pending"})`);
    // `npm run job -- …` and `npm run restore` find the running embedded database here.
    if (opened.embedded) fs.writeFileSync(embeddedUrlFile(dataDir), opened.embedded.url, { mode: 0o600 });
    // The web server's restarts get it at their spawn; the booting one through the gate.
    childEnv.DATABASE_URL = opened.url;
    if (opened.upToDate) openGate({ DATABASE_URL: opened.url });
    let database: PreparedDatabase;
    try {
      database = await prepareOpened(opened, { dataDir, demoPassword: env.DEMO_PASSWORD });
    } catch (error) {
      return failed(error);
    }
    step("database prepared");
    openGate({ DATABASE_URL: opened.url });
    // Asked now, beside the web server's first answer, not after it: the banner says how mail goes out.
    const mail = mailDeliveryOf(database.url, env);
    supervisor.start({
      name: "broker",
      command: process.execPath,
      args: await brokerArgs(root, log),
      env: childEnv,
      cwd: root,
      onCrash: "forever",
    });
    step("broker started");

    const url = `${web.scheme}://localhost:${env.PORT}`;
    const healthy = web.scheme === "https" ? waitForHttpsHealth(env.PORT, 120_000) : waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`, 120_000);
    if (await healthy) {
      step("web healthy");
      log(
        banner({
          url,
          publicUrl,
          mail: await mail,
          mqttPort: env.MQTT_PORT,
          embeddedUrl: database.embedded?.url ?? null,
          dataDir,
          demo: database.demo,
          seededNow: database.seededNow,
        }),
      );
      step("ready");
    } else if (!stopping) {
      log(`The web server did not answer ${url}/api/health within 2 minutes; still trying. See the messages above.`);
    }
    // PGlite sets some files' modes itself whatever the umask (initdb's 0666, mended by the preparation child;
    // pg_internal.init 0644 at each open), and an earlier version may have left files readable: mended now and at every stop (DATA_DIR itself is 0700, so nobody else reaches them meanwhile). Once the web server
    // answers, not before: walking pgdata's ~1,700 files held up the gate's message and the first request.
    if (stopping) return;
    try {
      await mendDataDirModes(dataDir);
      step("data directory private");
    } catch (error) {
      log(`Could not make every file in ${dataDir} private (${(error as Error).message}); it is mended again at the next stop.`);
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) console.error(`✖ ${error.message}`);
  else console.error("✖ Start failed:", error);
  process.exit(1);
});
