/**
 * The soak's broker (fault-soak.ts): the real broker process under the launcher's supervisor (restarted after each
 * kill -9), behind a TCP proxy in front of a throwaway database (embedded PGlite in its own process, or a new
 * database on DATABASE_URL's server), its DATA_DIR on a small tmpfs of its own when run as root.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startTcpProxy } from "@/device-broker/testing/tcp-proxy";
import { brokerArgs } from "../launcher/broker-bundle";
import { Supervisor } from "../launcher/supervisor";
import { freePort } from "../testing/free-port";
import { openBenchDatabase } from "./bench-database";
import { log, until } from "./fault-soak-time";

export const root = path.resolve(import.meta.dirname, "..", "..");

export type SoakBroker = Awaited<ReturnType<typeof startSoakBroker>>;

/** Starts the database (with `machines` bench machines), the proxy and the broker; resolves once it listens. */
export async function startSoakBroker(machines: number) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ms-soak-"));
  const dataDir = path.join(work, "broker-data");
  fs.mkdirSync(dataDir);
  // A small tmpfs of its own for the broker's DATA_DIR, so the disk can be filled without touching anything else.
  const tmpfs = process.getuid?.() === 0 && spawnSync("mount", ["-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", dataDir]).status === 0;
  const database = await openBenchDatabase(env().DATABASE_URL, machines);
  const proxy = await startTcpProxy(Number(new URL(database.url).port), new URL(database.url).hostname);
  const viaProxy = new URL(database.url);
  viaProxy.port = String(proxy.port);
  const check = createDb(database.url, { max: 2 });
  const mqttPort = await freePort();
  const brokerLines: string[] = [];
  // SOAK_BROKER_LOG=file: every line the broker wrote, with the time it came, to read what happened around a fault.
  const brokerLog = process.env.SOAK_BROKER_LOG ? fs.createWriteStream(process.env.SOAK_BROKER_LOG) : null;
  const supervisor = new Supervisor(
    (line) => {
      brokerLog?.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`);
      brokerLines.push(line);
      if (brokerLines.length > 2_000) brokerLines.splice(0, 1_000);
      if (/"level":(50|60)|exited|restarting in/.test(line)) log(line.slice(0, 300));
    },
    (message) => log(`supervisor gave up: ${message}`),
    { timing: { firstDelayMs: 200, maxDelayMs: 5_000, stableAfterMs: 30_000 } },
  );
  /** How often the broker has said it listens (once per start). */
  const listening = () => brokerLines.filter((l) => l.includes("device broker listening")).length;
  const starts = listening();
  supervisor.start({
    name: "broker",
    command: process.execPath,
    args: await brokerArgs(root, () => {}),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      DATABASE_URL: viaProxy.toString(),
      // As `npm start` runs it: the database was prepared once (here by openBenchDatabase), not again per restart.
      MAKERSPACE_DATABASE_PREPARED: "1",
      MQTT_PORT: String(mqttPort),
      MQTT_HOST: "127.0.0.1",
    },
    cwd: root,
    onCrash: "forever",
  });
  await until(() => listening() > starts, "the broker to listen", 120_000);

  /** Usage events the broker has acknowledged and holds in its spool, not yet in the database. */
  function spooledUses(): number {
    const dir = path.join(dataDir, "spool");
    try {
      const offset = Number(fs.readFileSync(path.join(dir, "drained"), "utf8").trim()) || 0;
      const text = fs.readFileSync(path.join(dir, "events.jsonl")).subarray(offset).toString("utf8");
      return (text.match(/"kind":"(startuse|inuse|stopuse)"/g) ?? []).length;
    } catch {
      return 0;
    }
  }

  /** Stops the broker and leaves nothing behind (database process, proxy, tmpfs, work directory). */
  async function close(): Promise<void> {
    await supervisor.stop();
    await check.close();
    await proxy.close();
    await database.close();
    if (tmpfs) spawnSync("umount", [dataDir]);
    fs.rmSync(work, { recursive: true, force: true });
  }

  return { work, dataDir, tmpfs, database, proxy, check, mqttPort, supervisor, brokerLines, listening, spooledUses, close };
}
