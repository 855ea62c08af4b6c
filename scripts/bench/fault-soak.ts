/**
 * `npm run soak`: issue 21's fault scenarios against the real broker process, with simulated Fab-O-Matic boards
 * swiping, using machines, buffering and replaying as the firmware does. The ground truth is kept on the board
 * side (every use a board ended, with the duration it sent); after each fault the script waits until the
 * database holds what the boards reported, and prints per fault: messages sent, replies, records expected vs
 * found (missing, extra), the time to drain, and the boards' reply p99.
 *
 * The broker runs under the launcher's supervisor (restarted after each kill -9) over a TCP proxy in front of a
 * throwaway database; its DATA_DIR is a small tmpfs when run as root (the full-disk fault needs it, and is skipped
 * otherwise). This file holds the faults; fault-soak-system.ts puts the system together from the broker
 * (fault-soak-broker.ts), the boards and their load (fault-soak-boards.ts), the records found (fault-soak-found.ts) and
 * the measuring of one fault (fault-soak-fault.ts); the accounting and the table are in fault-soak-records.ts.
 *
 *   npm run soak                      # every fault, short (a few minutes)
 *   npm run soak -- --long            # longer outages, more kills, more garbage
 *   npm run soak -- --only outage,kill --boards 10
 *   npm run soak -- --only kill --drain 900   # wait up to 900 s per fault for the records (default 120, --long 600)
 *
 * Faults: baseline (no fault: the control), outage (database away under load), kill (broker kill -9, several), replay (offline queues
 * replayed after a reconnect, then their stale flash copies after two reboots, the second shuffled), malformed (fuzzed payloads and broken MQTT sessions beside the boards), disk
 * (full disk with the database down), backup (`npm run job -- backup` under load).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Random, fuzzPublishStream, fuzzRawConnection, fuzzRawSession } from "@/device-broker/testing/fuzz-inputs";
import { skipped } from "./fault-soak-records";
import { startSoakSystem } from "./fault-soak-system";
import { between, sleep, until } from "./fault-soak-time";

const FAULTS = ["baseline", "outage", "kill", "replay", "malformed", "disk", "backup"] as const;
type Fault = (typeof FAULTS)[number];

const { values } = parseArgs({
  options: {
    long: { type: "boolean", default: false },
    boards: { type: "string", default: "20" },
    only: { type: "string" },
    drain: { type: "string" },
  },
});
const LONG = values.long;
const ONLY = (values.only?.split(",") ?? [...FAULTS]) as Fault[];
const OUTAGE_S = LONG ? 60 : 15;
const KILLS = LONG ? 6 : 3;
const FUZZ_PAYLOADS = LONG ? 100_000 : 10_000;
const FUZZ_SESSIONS = LONG ? 12_000 : 1_000;
const STORM_USES = LONG ? 5 : 3;
const LOAD_S = LONG ? 30 : 8;

const system = await startSoakSystem({ boards: Number(values.boards), long: LONG, drainLimitMs: Number(values.drain ?? (LONG ? 600 : 120)) * 1000 });
const { root, work, dataDir, tmpfs, database, proxy, mqttPort, supervisor, listening, boards, rows, use, fault } = system;

// ---- the faults -----------------------------------------------------------------------------------------
const scenarios: Record<Fault, () => Promise<void>> = {
  baseline: () =>
    fault(`no fault, ${LOAD_S} s of load (the control)`, async () => {
      await sleep(LOAD_S * 1000);
    }),

  outage: () =>
    fault(`database outage ${OUTAGE_S} s under load`, async () => {
      await proxy.cut();
      await sleep(OUTAGE_S * 1000);
      await proxy.restore();
    }),

  kill: () =>
    fault(`broker kill -9 ×${KILLS}`, async () => {
      for (let k = 0; k < KILLS; k++) {
        const before = listening();
        process.kill(supervisor.snapshot().broker!.pid!, "SIGKILL");
        await until(() => listening() > before, "the broker's restart", 120_000);
        await sleep(between(2_000, LONG ? 10_000 : 4_000));
      }
      return { note: `restarted ${KILLS}×` };
    }),

  replay: () =>
    fault(`replay storm (${STORM_USES} offline uses; queue sent 3×: after a reconnect, then from flash after 2 reboots, once shuffled)`, async (running) => {
      const storm = boards.filter((_, i) => i % 2 === 0);
      await running.hold(storm);
      const taken = new Set(boards.map((b) => b.link.clientNumber));
      let resent = 0;
      await Promise.all(
        storm.map(async (board) => {
          await board.disconnect();
          for (let u = 0; u < STORM_USES; u++) await use(board, between(1_000, 2_500));
          // The firmware's periodic flash save falls while the queue is full, so each reboot below replays all of it.
          board.saveToFlash();
          await board.reconnect(); // the Wi-Fi back: the queue replayed from RAM, each message dropped once answered
          // Two reboots before the next save: each boot draws a new client id and replays the flash copy, answered
          // already. The second copy shuffled, an order the firmware never sends: the broker's rules must not need it.
          for (const shuffled of [false, true]) {
            if (shuffled) board.buffer.writeFlash(shuffle(board.buffer.flashCopy()));
            resent += board.buffer.flashCopy().length;
            await board.reboot({ clientNumber: drawClientNumber(taken) });
          }
        }),
      );
      running.release(storm);
      await sleep(LOAD_S * 1000);
      return { extraSent: `${resent} replayed again after reboots` };
    }),

  malformed: () =>
    fault(`malformed: ${FUZZ_PAYLOADS.toLocaleString("en")} payloads + ${FUZZ_SESSIONS.toLocaleString("en")} broken sessions`, async () => {
      const r = new Random(21);
      const streams = 4;
      await Promise.all(Array.from({ length: streams }, (_, i) => fuzzPublishStream(mqttPort, new Random(21 + i), FUZZ_PAYLOADS / streams, 950 + i)));
      const sessions = Array.from({ length: FUZZ_SESSIONS }, (_, n) => fuzzRawSession(r, n));
      for (let i = 0; i < sessions.length; i += 32) await Promise.all(sessions.slice(i, i + 32).map((bytes) => fuzzRawConnection(mqttPort, bytes)));
      return { extraSent: `${(FUZZ_PAYLOADS + FUZZ_SESSIONS).toLocaleString("en")} garbage` };
    }),

  disk: async () => {
    if (!tmpfs) return void rows.push(skipped("full disk + database down", "needs root for a tmpfs"));
    await fault(`full disk + database down ${OUTAGE_S} s`, async () => {
      const filler = path.join(dataDir, "filler");
      const free = fs.statfsSync(dataDir);
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 8_192)));
      await proxy.cut();
      await sleep(OUTAGE_S * 1000);
      fs.rmSync(filler);
      await sleep(2_000);
      await proxy.restore();
    });
  },

  backup: () =>
    fault("backup under load (npm run job -- backup)", async () => {
      const backupDir = fs.mkdtempSync(path.join(work, "backup-"));
      const started = Date.now();
      const job = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "job.ts"), "backup"], {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: database.url, DATA_DIR: backupDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      job.stdout.on("data", (d) => (output += d));
      job.stderr.on("data", (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => job.on("exit", resolve));
      const took = ((Date.now() - started) / 1000).toFixed(1);
      await sleep(LOAD_S * 1000);
      return { note: code === 0 ? `backup ${took} s` : `backup failed (${code}): ${output.trim().split("\n").at(-1)}` };
    }),
};

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void system.finish().finally(() => process.exit(130)));

try {
  for (const name of ONLY) await scenarios[name]();
} finally {
  await system.finish();
}

/**
 * BOARD<n> for a reboot, drawn in 0–999 as the firmware draws it, but never one a soak board holds: not another
 * board's (two boards with one id take each other's connection over: another fault) nor its own (a reboot that
 * draws its old id is on the wire a reconnect, and a stale flash copy then counts as new: replay-bursts.ts).
 */
function drawClientNumber(taken: Set<number>): number {
  for (;;) {
    const n = Math.floor(Math.random() * 1000);
    if (taken.has(n)) continue;
    taken.add(n);
    return n;
  }
}

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
