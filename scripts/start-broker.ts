/**
 * `npm run start:broker` (`node scripts/start.mjs broker`, compiled): the device broker alone (device-broker/main.ts) as a child process, so that its error
 * lines also reach DATA_DIR/logs/errors.log for the admin's system page, as under `npm start`.
 */
import path from "node:path";
import { loggingErrors, spawnWithErrorLog } from "@/lib/ops/error-log-child";
import { brokerArgs } from "./launcher/broker-bundle";
import { makeDataDirPrivate } from "./launcher/private-data-dir";

const root = path.resolve(import.meta.dirname, "..");
// The broker checks the rest of the environment itself and says what is wrong; only DATA_DIR matters here.
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
// The spool and the decision snapshot live here: private to this user (0700/0600), as under `npm start`.
makeDataDirPrivate(dataDir);

const child = spawnWithErrorLog({
  command: process.execPath,
  // Compiled to plain JavaScript (scripts/launcher/broker-bundle.ts): the broker's memory without the TS loader.
  args: await brokerArgs(root, loggingErrors(dataDir, console.error)),
  cwd: root,
  env: process.env,
  dataDir,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`✖ Could not start the broker: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
