/**
 * `npm run soak`: issue 21's fault scenarios against the real broker process, with simulated Fab-O-Matic boards
 * swiping, using machines, buffering and replaying as the firmware does. The ground truth is kept on the board
 * side (every use a board ended, with the duration it sent); after each fault the script waits until the
 * database holds what the boards reported, and prints per fault: messages sent, replies, records expected vs
 * found (missing, extra), the time to drain, and the boards' reply p99.
 *
 * The broker runs under the launcher's supervisor (restarted after each kill -9) over a TCP proxy in front of a
 * throwaway database (embedded PGlite in its own process, or a new database on DATABASE_URL's server); its
 * DATA_DIR is a small tmpfs when run as root (the full-disk fault needs it, and is skipped otherwise).
 *
 *   npm run soak                      # every fault, short (a few minutes)
 *   npm run soak -- --long            # longer outages, more kills, more garbage
 *   npm run soak -- --only outage,kill --boards 10
 *
 * Faults: baseline (no fault: the control), outage (database away under load), kill (broker kill -9, several), replay (offline queues replayed
 * three times, once shuffled), malformed (fuzzed payloads and broken MQTT sessions beside the boards), disk
 * (full disk with the database down), backup (`npm run job -- backup` under load).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, gte, inArray } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { Random, fuzzPublishStream, fuzzRawConnection, fuzzRawSession } from "@/device-broker/testing/fuzz-inputs";
import { startTcpProxy } from "@/device-broker/testing/tcp-proxy";
import { brokerArgs } from "../launcher/broker-bundle";
import { Supervisor } from "../launcher/supervisor";
import { SimulatedBoard, type Exchange } from "../simulator/board";
import { freePort } from "../testing/free-port";
import { BENCH_BOARD_BASE, openBenchDatabase } from "./bench-database";
import { loadLine, summarize } from "./stats";

const FAULTS = ["baseline", "outage", "kill", "replay", "malformed", "disk", "backup"] as const;
type Fault = (typeof FAULTS)[number];

const { values } = parseArgs({
  options: {
    long: { type: "boolean", default: false },
    boards: { type: "string", default: "20" },
    only: { type: "string" },
  },
});
const LONG = values.long;
const BOARDS = Number(values.boards);
const ONLY = (values.only?.split(",") ?? [...FAULTS]) as Fault[];
const CARD = "efbeadde"; // Mario: trained on the laser type every bench machine has
const OUTAGE_S = LONG ? 60 : 15;
const KILLS = LONG ? 6 : 3;
const FUZZ_PAYLOADS = LONG ? 100_000 : 10_000;
const FUZZ_SESSIONS = LONG ? 12_000 : 1_000;
const STORM_USES = LONG ? 5 : 3;
const LOAD_S = LONG ? 30 : 8;
const DRAIN_LIMIT_MS = LONG ? 600_000 : 120_000;
const STABLE_MS = 15_000;
const root = path.resolve(import.meta.dirname, "..", "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (a: number, b: number) => a + Math.random() * (b - a);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

// ---- the system under test -------------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ms-soak-"));
const dataDir = path.join(work, "broker-data");
fs.mkdirSync(dataDir);
// A small tmpfs of its own for the broker's DATA_DIR, so the disk can be filled without touching anything else.
const tmpfs = process.getuid?.() === 0 && spawnSync("mount", ["-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", dataDir]).status === 0;
const database = await openBenchDatabase(env().DATABASE_URL, BOARDS);
const proxy = await startTcpProxy(Number(new URL(database.url).port), new URL(database.url).hostname);
const viaProxy = new URL(database.url);
viaProxy.port = String(proxy.port);
const check = createDb(database.url, { max: 2 });
const mqttPort = await freePort();
const brokerLines: string[] = [];
const supervisor = new Supervisor(
  (line) => {
    brokerLines.push(line);
    if (brokerLines.length > 2_000) brokerLines.splice(0, 1_000);
    if (/"level":(50|60)|exited|restarting in/.test(line)) log(line.slice(0, 300));
  },
  (message) => log(`supervisor gave up: ${message}`),
  { timing: { firstDelayMs: 200, maxDelayMs: 5_000, stableAfterMs: 30_000 } },
);
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
    MQTT_PORT: String(mqttPort),
    MQTT_HOST: "127.0.0.1",
  },
  cwd: root,
  onCrash: "forever",
});
await until(() => listening() > starts, "the broker to listen", 120_000);

const machineOf = new Map(
  (
    await check.db
      .select({ id: machines.id, boardId: machines.boardId })
      .from(machines)
      .where(
        inArray(
          machines.boardId,
          range(BOARDS).map((i) => BENCH_BOARD_BASE + i),
        ),
      )
  ).map((m) => [m.boardId, m.id]),
);
const machineIds = [...machineOf.values()];
let warmedUp = false;

// ---- the boards and their ground truth -------------------------------------------------------------------
interface Tally {
  sent: number;
  replies: number;
  ms: number[];
  expected: string[];
}
let tally: Tally = { sent: 0, replies: 0, ms: [], expected: [] };
const boards = range(BOARDS).map((i) => {
  const board = new SimulatedBoard({
    url: `mqtt://127.0.0.1:${mqttPort}`,
    machineId: BENCH_BOARD_BASE + i,
    clientNumber: i,
    timings: { checkMachineMs: 10_000, aliveMs: 30_000, inUseMs: 5_000, replyTimeoutMs: 2_000, reconnectMs: 1_000 },
    // Each board its own device: the broker caps connections per source address.
    localAddress: `127.2.0.${i + 1}`,
  });
  const machineId = machineOf.get(BENCH_BOARD_BASE + i)!;
  board.on("exchange", (x: Exchange) => {
    tally.sent++;
    if (x.reply) {
      tally.replies++;
      tally.ms.push(x.ms);
    }
  });
  board.on("logout", (u: { uid: string; duration: number }) => tally.expected.push(key(machineId, u.uid, u.duration)));
  return board;
});
await Promise.all(boards.map((b) => b.start()));
// One use each while all is well: the boards' card caches know the card for offline swipes. A use is written
// after its reply (board → spool → database): wait for them, so that they do not count in the first fault.
const beforeWarmUp = new Date(Date.now() - 1_000);
await Promise.all(boards.map((b) => use(b, 1_100)));
await until(
  () => warmedUp,
  "the warm-up uses to be recorded",
  120_000,
  async () => {
    warmedUp = (await foundSince(beforeWarmUp)).length >= BOARDS;
  },
);
log(`${BOARDS} boards up on ${database.label}; broker DATA_DIR ${tmpfs ? "on a 32 MB tmpfs" : "on the normal disk (not root: no full-disk fault)"}`);

/** One use: swipe in, keep the machine on, swipe out (offline the board decides from its cache and buffers). */
async function use(board: SimulatedBoard, ms: number): Promise<void> {
  const outcome = await board.swipe(CARD);
  if (!outcome.loggedIn) return void (await sleep(500));
  await sleep(ms);
  await board.stop();
}

/** Every board uses its machine again and again until stopped; a held board finishes its use and waits (parked). */
function load() {
  let running = true;
  const held = new Set<SimulatedBoard>();
  const parked = new Set<SimulatedBoard>();
  const loops = boards.map(async (board) => {
    while (running) {
      if (held.has(board)) {
        parked.add(board);
        await sleep(100);
        continue;
      }
      parked.delete(board);
      await use(board, between(1_000, 6_500));
      await sleep(between(200, 1_200));
    }
  });
  return {
    /** Takes these boards out of the load once their current use is over. */
    async hold(some: SimulatedBoard[]) {
      for (const b of some) held.add(b);
      await until(() => some.every((b) => parked.has(b)), "the held boards to park", 60_000);
    },
    release(some: SimulatedBoard[]) {
      for (const b of some) held.delete(b);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
type Load = ReturnType<typeof load>;

// ---- one fault ------------------------------------------------------------------------------------------
interface Row {
  fault: string;
  sent: number;
  replies: number;
  extraSent: string;
  expected: number;
  found: number;
  missing: number;
  extra: number;
  spooled: number;
  drainS: string;
  p99: string;
  note: string;
}
const rows: Row[] = [];

async function fault(name: string, during: (load: Load) => Promise<{ extraSent?: string; note?: string } | void>): Promise<void> {
  log(`— ${name}`);
  // The fault's own uses: started from now on (a record of an earlier fault drained late carries its own start).
  const since = new Date(Date.now() - 1_000);
  tally = { sent: 0, replies: 0, ms: [], expected: [] };
  const running = load();
  await sleep(3_000);
  let outcome: { extraSent?: string; note?: string } | void;
  try {
    outcome = await during(running);
  } catch (error) {
    outcome = { note: `fault script failed: ${(error as Error).message}` };
  } finally {
    await running.stop();
  }
  // Drained: no board holds a message and the database holds what the boards reported; short of that, settled:
  // nothing left on the boards or in the broker's spool and the records stopped changing for STABLE_MS.
  const cleared = Date.now();
  let found: string[] = [];
  let drainedAt = 0;
  let settled = false;
  let lastChange = Date.now();
  let lastCount = -1;
  while (Date.now() - cleared < DRAIN_LIMIT_MS) {
    found = await foundSince(since);
    const boardsEmpty = boards.every((b) => b.buffer.size === 0 && b.link.connected);
    if (found.length !== lastCount) {
      lastCount = found.length;
      lastChange = Date.now();
    }
    if (boardsEmpty && sameMultiset(found, tally.expected)) {
      drainedAt = Date.now();
      break;
    }
    if (boardsEmpty && spooledUses() === 0 && Date.now() - lastChange > STABLE_MS) {
      drainedAt = lastChange;
      settled = true;
      break;
    }
    await sleep(250);
  }
  // A little longer: a late duplicate would show up now.
  await sleep(2_000);
  found = await foundSince(since);
  const { missing, extra } = difference(tally.expected, found);
  if (drainedAt === 0 || missing > 0 || extra > 0) {
    log(`not as expected: missing ${JSON.stringify(only(tally.expected, found))}, extra ${JSON.stringify(only(found, tally.expected))}`);
    log(
      `boards: buffered ${boards.map((b) => b.buffer.size).join(",")}, connected ${boards.filter((b) => b.link.connected).length}/${BOARDS}; usage events in the spool ${spooledUses()}`,
    );
    for (const line of brokerLines.filter((l) => /"level":(40|50|60)/.test(l)).slice(-3)) log(line.slice(0, 250));
  }
  const lat = summarize(tally.ms);
  rows.push({
    fault: name,
    sent: tally.sent,
    replies: tally.replies,
    extraSent: outcome?.extraSent ?? "",
    expected: tally.expected.length,
    found: found.length,
    missing,
    extra,
    spooled: spooledUses(),
    drainS: drainedAt === 0 ? `>${DRAIN_LIMIT_MS / 1000}` : `${((drainedAt - cleared) / 1000).toFixed(1)}${settled ? " (settled short)" : ""}`,
    p99: Number.isFinite(lat.p99) ? `${lat.p99.toFixed(0)} ms` : "–",
    note: [outcome?.note, `broker exits ${supervisor.snapshot().broker?.totalCrashes ?? 0}`].filter(Boolean).join("; "),
  });
  log(JSON.stringify(rows.at(-1)));
}

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

async function foundSince(since: Date): Promise<string[]> {
  const sessions = await check.db
    .select({ machineId: usageSessions.machineId, uid: usageSessions.cardUid, duration: usageSessions.durationSeconds })
    .from(usageSessions)
    .where(and(gte(usageSessions.startedAt, since), inArray(usageSessions.machineId, machineIds)));
  return sessions.map((s) => key(s.machineId, s.uid, s.duration));
}

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
    fault(`replay storm (${STORM_USES} offline uses, queue sent 3×, once shuffled)`, async (running) => {
      const storm = boards.filter((_, i) => i % 2 === 0);
      await running.hold(storm);
      let resent = 0;
      await Promise.all(
        storm.map(async (board) => {
          await board.disconnect();
          for (let u = 0; u < STORM_USES; u++) await use(board, between(1_000, 2_500));
          const queue = board.buffer.list().map((m) => ({ ...m }));
          await board.reconnect(); // the firmware replays its queue
          // A reboot with the flash copy not yet cleared, then a replay shuffled: both again, as the firmware may.
          for (const round of [queue, shuffle(queue)]) {
            await board.disconnect();
            await board.reconnect();
            for (const body of round) {
              await board.request({ ...body, replay: true });
              resent++;
            }
          }
        }),
      );
      running.release(storm);
      await sleep(LOAD_S * 1000);
      return { extraSent: `${resent} replayed twice more` };
    }),

  malformed: () =>
    fault(`malformed: ${FUZZ_PAYLOADS.toLocaleString("en")} payloads + ${FUZZ_SESSIONS.toLocaleString("en")} broken sessions`, async () => {
      const r = new Random(21);
      const streams = 4;
      await Promise.all(range(streams).map((i) => fuzzPublishStream(mqttPort, new Random(21 + i), FUZZ_PAYLOADS / streams, 950 + i)));
      const sessions = range(FUZZ_SESSIONS).map((n) => fuzzRawSession(r, n));
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

let cleaned: Promise<void> | null = null;
/** Prints what was measured and leaves nothing behind (broker, database process, tmpfs), also on Ctrl-C. */
function finish(): Promise<void> {
  return (cleaned ??= (async () => {
    printTable();
    await Promise.all(boards.map((b) => b.close()));
    await supervisor.stop();
    await check.close();
    await proxy.close();
    await database.close();
    if (tmpfs) spawnSync("umount", [dataDir]);
    fs.rmSync(work, { recursive: true, force: true });
  })());
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void finish().finally(() => process.exit(130)));

try {
  for (const name of ONLY) await scenarios[name]();
} finally {
  await finish();
}

function printTable(): void {
  console.log(`\nnpm run soak${LONG ? " -- --long" : ""}: ${BOARDS} boards, ${database.label}; ${loadLine()}`);
  const head = [
    "fault",
    "sent",
    "replies",
    "also sent",
    "records expected",
    "found",
    "missing",
    "extra",
    "usage events still in the spool",
    "drain s",
    "reply p99",
    "note",
  ];
  console.log(`| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
  for (const r of rows)
    console.log(`| ${[r.fault, r.sent, r.replies, r.extraSent, r.expected, r.found, r.missing, r.extra, r.spooled, r.drainS, r.p99, r.note].join(" | ")} |`);
}

function skipped(fault: string, note: string): Row {
  return {
    fault,
    sent: 0,
    replies: 0,
    extraSent: "",
    expected: 0,
    found: 0,
    missing: 0,
    extra: 0,
    spooled: 0,
    drainS: "–",
    p99: "–",
    note: `skipped: ${note}`,
  };
}

// ---- small helpers --------------------------------------------------------------------------------------
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function key(machineId: number, uid: string, duration: number | null): string {
  return `${machineId}:${uid}:${duration ?? "open"}`;
}

function difference(expected: string[], found: string[]): { missing: number; extra: number } {
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  let extra = 0;
  for (const k of found) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else extra++;
  }
  return { missing: [...left.values()].reduce((a, b) => a + b, 0), extra };
}

/** The keys of `a` not matched in `b` (with their counts). */
function only(a: string[], b: string[]): Record<string, number> {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function sameMultiset(a: string[], b: string[]): boolean {
  const { missing, extra } = difference(a, b);
  return missing === 0 && extra === 0;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function until(done: () => boolean, what: string, timeoutMs: number, poll?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await poll?.();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
