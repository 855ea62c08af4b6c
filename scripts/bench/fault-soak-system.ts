/**
 * The system `npm run soak` (fault-soak.ts) puts faults on: the real broker process under the launcher's supervisor,
 * behind a TCP proxy in front of a throwaway database (embedded PGlite in its own process, or a new database on
 * DATABASE_URL's server), its DATA_DIR on a small tmpfs when run as root; simulated Fab-O-Matic boards swiping and
 * using machines under load, keeping the ground truth; and `fault()`, which runs one fault under that load and
 * measures what reached the database (records-table in fault-soak-records.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, gte, inArray } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { startTcpProxy } from "@/device-broker/testing/tcp-proxy";
import { brokerArgs } from "../launcher/broker-bundle";
import { Supervisor } from "../launcher/supervisor";
import { SimulatedBoard, type Exchange } from "../simulator/board";
import { freePort } from "../testing/free-port";
import { BENCH_BOARD_BASE, openBenchDatabase } from "./bench-database";
import { difference, key, only, printTable, sameMultiset, type Row } from "./fault-soak-records";
import { summarize } from "./stats";

const CARD = "efbeadde"; // Mario: trained on the laser type every bench machine has
const STABLE_MS = 15_000;
const root = path.resolve(import.meta.dirname, "..", "..");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const between = (a: number, b: number) => a + Math.random() * (b - a);
export const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

interface Tally {
  /** Requests the boards made while offline: not published (the firmware does not try), answered by nobody. */
  offline: number;
  sent: number;
  replies: number;
  ms: number[];
  expected: string[];
}

export interface SoakOptions {
  boards: number;
  long: boolean;
  /** How long a fault's records may take to reach the database before the row says so. */
  drainLimitMs: number;
}

export type SoakSystem = Awaited<ReturnType<typeof startSoakSystem>>;
export type FaultOutcome = { extraSent?: string; note?: string } | void;

export async function startSoakSystem({ boards: BOARDS, long: LONG, drainLimitMs: DRAIN_LIMIT_MS }: SoakOptions) {
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

  // ---- the boards and their ground truth -----------------------------------------------------------------
  let tally: Tally = { offline: 0, sent: 0, replies: 0, ms: [], expected: [] };
  const boards = range(BOARDS).map((i) => {
    const board = new SimulatedBoard({
      url: `mqtt://127.0.0.1:${mqttPort}`,
      machineId: BENCH_BOARD_BASE + i,
      clientNumber: i,
      // No periodic flash save: the replay storm saves when it means to, so its reboots replay a known copy.
      timings: { checkMachineMs: 10_000, aliveMs: 30_000, inUseMs: 5_000, replyTimeoutMs: 2_000, reconnectMs: 1_000, flashSaveMs: 0 },
      // Each board its own device: the broker caps connections per source address.
      localAddress: `127.2.0.${i + 1}`,
    });
    const machineId = machineOf.get(BENCH_BOARD_BASE + i)!;
    board.on("exchange", (x: Exchange) => {
      if (!x.sent) return void tally.offline++;
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

  // ---- one fault ----------------------------------------------------------------------------------------
  const rows: Row[] = [];

  async function fault(name: string, during: (running: ReturnType<typeof load>) => Promise<FaultOutcome>): Promise<void> {
    log(`— ${name}`);
    // The fault's own uses: started from now on (a record of an earlier fault drained late carries its own start).
    const since = new Date(Date.now() - 1_000);
    tally = { offline: 0, sent: 0, replies: 0, ms: [], expected: [] };
    const running = load();
    await sleep(3_000);
    let outcome: FaultOutcome;
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
    // A session still open is a use whose stop has not reached the database yet (spooled), or a phantom if it stays.
    const open = found.filter((k) => k.endsWith(":open")).length;
    const { missing, extra } = difference(tally.expected, found);
    if (drainedAt === 0 || missing > 0 || extra > 0) {
      log(`not as expected: missing ${JSON.stringify(only(tally.expected, found))}, extra ${JSON.stringify(only(found, tally.expected))}`);
      for (const row of await describe(since, only(found, tally.expected))) log(`extra: ${JSON.stringify(row)}`);
      log(
        `boards: buffered ${boards.map((b) => b.buffer.size).join(",")}, connected ${boards.filter((b) => b.link.connected).length}/${BOARDS}; usage events in the spool ${spooledUses()}`,
      );
      for (const line of brokerLines.filter((l) => /"level":(40|50|60)/.test(l)).slice(-3)) log(line.slice(0, 250));
    }
    const lat = summarize(tally.ms);
    rows.push({
      fault: name,
      offline: tally.offline,
      sent: tally.sent,
      replies: tally.replies,
      extraSent: outcome?.extraSent ?? "",
      expected: tally.expected.length,
      found: found.length,
      missing,
      extra: extra - open,
      open,
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

  /** The closed sessions behind extra keys, as recorded (how each began and ended), to tell where a duplicate came from. */
  async function describe(since: Date, extra: Record<string, number>) {
    const rows = await check.db
      .select()
      .from(usageSessions)
      .where(and(gte(usageSessions.startedAt, since), inArray(usageSessions.machineId, machineIds)));
    return rows
      .filter((r) => r.durationSeconds !== null && extra[key(r.machineId, r.cardUid, r.durationSeconds)])
      .map((r) => ({
        machine: r.machineId,
        duration: r.durationSeconds,
        started: r.startedAt.toISOString().slice(11, 23),
        opened: r.openedByEventAt?.toISOString().slice(11, 23),
        closed: r.closedByEventAt?.toISOString().slice(11, 23),
        as: r.recordedAs,
        ended: r.endedBecause,
        byReplay: r.closedByReplay,
      }));
  }

  let cleaned: Promise<void> | null = null;
  /** Prints what was measured and leaves nothing behind (broker, database process, tmpfs), also on Ctrl-C. */
  function finish(): Promise<void> {
    return (cleaned ??= (async () => {
      printTable(rows, `npm run soak${LONG ? " -- --long" : ""}: ${BOARDS} boards, ${database.label}`);
      await Promise.all(boards.map((b) => b.close()));
      await supervisor.stop();
      await check.close();
      await proxy.close();
      await database.close();
      if (tmpfs) spawnSync("umount", [dataDir]);
      fs.rmSync(work, { recursive: true, force: true });
    })());
  }

  return { root, work, dataDir, tmpfs, database, proxy, mqttPort, supervisor, listening, boards, rows, use, load, fault, finish };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export async function until(done: () => boolean, what: string, timeoutMs: number, poll?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await poll?.();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
