/**
 * `npm run bench:broker`: 200 simulated boards on loopback against a broker process over a real database
 * (embedded by default, a throwaway database on DATABASE_URL's server if set). Reports the swipe→reply round trip
 * (checkuser) one at a time and under full load, decisions per second, the same with checkuser answered from
 * memory (the floor: broker, MQTT and dispatcher without database work), and the broker's RSS with 1,000 boards.
 * "Real" is whatever the default handlers do: a database round trip, or the broker's decision snapshot once loaded.
 * Then the spool's drain rate (spool-drain.ts): usage events spooled during an outage, written into the database.
 * Prints figures only; no assertions (targets: p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 3,000/s, within 2× of the floor, ≤ 150 MB).
 *
 *   npm run bench:broker -- --drain    # the drain rate only
 */
import os from "node:os";
import { env } from "@/lib/env";
import { startBrokerProcess, type BrokerProcess } from "@/device-broker/testing/broker-process";
import { SimulatedBoard } from "../simulator/board";
import { BENCH_BOARD_BASE, openBenchDatabase } from "./bench-database";
import { measureDrain, printDrain } from "./spool-drain";
import { mb, ms, summarize } from "./stats";

const BOARDS = 200;
const RSS_BOARDS = 1_000;
const SEQUENTIAL = 2_000;
const LOAD_SECONDS = 5;
const CARD = "efbeadde"; // Mario: trained on the laser type every bench machine has, so level 1
const DRAIN_ONLY = process.argv.includes("--drain");
const DRAIN_MACHINES = 20; // as the soak's boards
const DRAIN_USES = 100;

const QUIET = { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs: 2_000, reconnectMs: 1_000 };

interface ModeResult {
  sequential: ReturnType<typeof summarize>;
  loaded: ReturnType<typeof summarize>;
  perSecond: number;
  timeouts: number;
  reply: unknown;
}

async function bootBoards(port: number, from: number, count: number): Promise<SimulatedBoard[]> {
  const boards: SimulatedBoard[] = [];
  // In groups, as boards come up after a power cut: all 1,000 at once mostly measures the SYN backlog.
  for (let i = from; i < from + count; i += 100) {
    const group = Array.from({ length: Math.min(100, from + count - i) }, (_, k) => {
      // Each board its own device (loopback alias): the broker caps connections per source address.
      const localAddress = `127.1.${Math.floor((i + k) / 250)}.${((i + k) % 250) + 1}`;
      return new SimulatedBoard({
        url: `mqtt://127.0.0.1:${port}`,
        machineId: BENCH_BOARD_BASE + i + k,
        clientNumber: (i + k) % 1000,
        timings: QUIET,
        localAddress,
      });
    });
    await Promise.all(group.map((b) => b.start()));
    boards.push(...group);
  }
  return boards;
}

async function swipe(board: SimulatedBoard): Promise<{ ms: number; ok: boolean; reply: unknown }> {
  const { reply, ms: took } = await board.request({ action: "checkuser", uid: CARD });
  return { ms: took, ok: reply !== null, reply };
}

async function measure(broker: BrokerProcess): Promise<ModeResult> {
  const boards = await bootBoards(broker.port, 0, BOARDS);
  let timeouts = 0;
  for (const b of boards) await swipe(b); // warm-up: JIT, connection pool, caches
  const sequential: number[] = [];
  let reply: unknown;
  for (let i = 0; i < SEQUENTIAL; i++) {
    const r = await swipe(boards[i % boards.length]!);
    if (r.ok) sequential.push(r.ms);
    else timeouts++;
    reply = r.reply;
  }
  // Every board swipes again as soon as it has its answer: the broker's throughput, and latency under it.
  const loaded: number[] = [];
  const until = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    boards.map(async (b) => {
      while (performance.now() < until) {
        const r = await swipe(b);
        if (r.ok) loaded.push(r.ms);
        else timeouts++;
      }
    }),
  );
  await Promise.all(boards.map((b) => b.close()));
  return { sequential: summarize(sequential), loaded: summarize(loaded), perSecond: loaded.length / LOAD_SECONDS, timeouts, reply };
}

async function main(): Promise<void> {
  const databaseUrl = env().DATABASE_URL;
  console.log(
    `bench:broker — ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const database = await openBenchDatabase(databaseUrl, RSS_BOARDS);
  console.log(`database: ${database.label}`);
  if (DRAIN_ONLY) {
    try {
      printDrain(await measureDrain(database, DRAIN_MACHINES, DRAIN_USES), DRAIN_MACHINES);
    } finally {
      await database.close();
    }
    return;
  }
  const results: Record<string, ModeResult> = {};
  let rss: { idle: number; boards200: number; boards1000: number; connected: number; breakdown: string } | undefined;
  let drain: Awaited<ReturnType<typeof measureDrain>>;
  try {
    for (const mode of ["real", "floor"] as const) {
      const broker = await startBrokerProcess(database.url, mode);
      try {
        const idle = (await broker.memory()).rss;
        results[mode] = await measure(broker);
        if (mode === "real") {
          const boards = await bootBoards(broker.port, 0, BOARDS);
          const boards200 = (await broker.memory()).rss;
          boards.push(...(await bootBoards(broker.port, BOARDS, RSS_BOARDS - BOARDS)));
          const at1000 = await broker.memory();
          const breakdown = `V8 heap ${mb(at1000.heapUsed)} used of ${mb(at1000.heapTotal)}, external ${mb(at1000.external)}`;
          rss = { idle, boards200, boards1000: at1000.rss, connected: at1000.connectedClients, breakdown };
          await Promise.all(boards.map((b) => b.close()));
        }
      } finally {
        await broker.close();
      }
    }
    drain = await measureDrain(database, DRAIN_MACHINES, DRAIN_USES);
  } finally {
    await database.close();
  }
  report(results, rss!);
  printDrain(drain, DRAIN_MACHINES);
}

function report(results: Record<string, ModeResult>, rss: { idle: number; boards200: number; boards1000: number; connected: number; breakdown: string }): void {
  const real = results.real!;
  const floor = results.floor!;
  console.log(`\ncheckuser reply (real): ${JSON.stringify(real.reply)}`);
  console.log(`\n${BOARDS} boards, swipe → reply (checkuser round trip through MQTT):`);
  const row = (name: string, r: ModeResult) =>
    console.log(
      `  ${name.padEnd(22)} one at a time p50 ${ms(r.sequential.p50)}  p99 ${ms(r.sequential.p99)}  |  all boards at once: ${r.perSecond.toFixed(0)} decisions/s, p50 ${ms(r.loaded.p50)}  p99 ${ms(r.loaded.p99)}${r.timeouts ? `  (${r.timeouts} timeouts)` : ""}`,
    );
  row("real checkuser", real);
  row("floor (from memory)", floor);
  console.log(
    `  real vs floor: p50 ×${(real.sequential.p50 / floor.sequential.p50).toFixed(1)}, p99 ×${(real.sequential.p99 / floor.sequential.p99).toFixed(1)}, throughput ×${(floor.perSecond / real.perSecond).toFixed(1)} lower`,
  );
  console.log(
    `\nbroker RSS (after GC): idle ${mb(rss.idle)}, ${BOARDS} boards ${mb(rss.boards200)}, ${rss.connected} boards ${mb(rss.boards1000)} (${rss.breakdown})`,
  );
  console.log("targets: p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 3,000 decisions/s, within 2× of the floor, RSS ≤ 150 MB at 1,000 boards");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
