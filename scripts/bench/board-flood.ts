/**
 * `npm run bench:board-flood` (issue 13): the reply latency of a paired board — checkuser round trips one after
 * another, as a board swiping — while the broker is attacked from the Wi-Fi: (1) alone, (2) during a 60 s flood of
 * wrong-password CONNECTs from 50 addresses (in another process), (3) with 2,000 idle MQTT connections from 100
 * addresses, (4) with 2,000 raw TCP connections that never send CONNECT (cut after the CONNECT timeout and opened
 * again). Broker in its own process over a real database (embedded, or a throwaway one on DATABASE_URL's server).
 * Prints figures only (the board gives up after 2 s: any p99 near that is a failure).
 */
import { spawn } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { MqttClient } from "mqtt";
import { createDb } from "@/lib/db/client";
import { machines, profiles } from "@/lib/db/schema";
import { setBoardCredentials } from "@/lib/domain/usage/board-credentials";
import { env } from "@/lib/env";
import { startBrokerProcess, type BrokerProcess } from "@/device-broker/testing/broker-process";
import { SimulatedBoard } from "../simulator/board";
import { BENCH_BOARD_BASE, openBenchDatabase } from "./bench-database";
import { ms, summarize } from "./stats";

const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 60);
const IDLE = 2_000;
const QUIET = { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs: 2_000, reconnectMs: 1_000 };

/** The paired board swipes (checkuser, alternating a trained and an unknown card) until `until` resolves. */
async function swipeUntil(board: SimulatedBoard, until: Promise<unknown>): Promise<{ samples: number[]; noAnswer: number }> {
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  let noAnswer = 0;
  for (let i = 0; !done; i++) {
    const { reply, ms: took } = await board.request({ action: "checkuser", uid: i % 2 ? "efbeadde" : "0badcafe" });
    if (reply) samples.push(took);
    else noAnswer++;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { samples, noAnswer };
}

const row = (name: string, r: { samples: number[]; noAnswer: number }, extra = "") => {
  const s = summarize(r.samples);
  console.log(
    `  ${name.padEnd(44)} ${String(s.n).padStart(5)} replies  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  no answer within 2 s: ${r.noAnswer}${extra}`,
  );
};

function flood(port: number, username: string): Promise<{ attempts: number; refused: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "flood-child.ts"), String(port), username, String(FLOOD_SECONDS), "50", "2"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`flood exited ${code}`)))));
}

async function idleClients(port: number): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (let i = 0; i < IDLE; i += 100) {
    const group = Array.from({ length: 100 }, (_, k) => {
      const n = i + k;
      const client = new MqttClient(
        () => net.createConnection({ host: "127.0.0.1", port, localAddress: `127.3.${Math.floor(n / 20 / 250)}.${(Math.floor(n / 20) % 250) + 1}` }),
        {
          clientId: `IDLE${n}`,
          protocolVersion: 4,
          keepalive: 60,
          reconnectPeriod: 0,
        },
      );
      return new Promise<MqttClient>((resolve, reject) => client.once("connect", () => resolve(client)).once("error", reject));
    });
    clients.push(...(await Promise.all(group)));
  }
  return clients;
}

/** Raw sockets that never send CONNECT, reopened as the broker cuts them (CONNECT timeout). */
function silentSockets(port: number, until: Promise<unknown>): { opened: () => number } {
  let stop = false;
  let opened = 0;
  void until.finally(() => (stop = true));
  const open = (n: number) => {
    if (stop) return;
    opened++;
    const socket = net.createConnection({ host: "127.0.0.1", port, localAddress: `127.4.${Math.floor(n / 20 / 250)}.${(Math.floor(n / 20) % 250) + 1}` });
    socket.on("error", () => {});
    socket.on("close", () => setTimeout(() => open(n), 100));
    void until.finally(() => socket.destroy());
  };
  for (let n = 0; n < IDLE; n++) open(n);
  return { opened: () => opened };
}

async function main(): Promise<void> {
  console.log(
    `bench:board-flood — ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const database = await openBenchDatabase(env().DATABASE_URL, 2);
  console.log(`database: ${database.label}`);
  const handle = createDb(database.url, { max: 2 });
  const [admin] = await handle.db.select().from(profiles).where(eq(profiles.email, "admin@makerspace.local"));
  const [target] = await handle.db
    .select()
    .from(machines)
    .where(eq(machines.boardId, BENCH_BOARD_BASE + 1));
  const login = await setBoardCredentials(handle.db, admin!.personId, { machineId: target!.id, username: "bench-board" });
  await handle.close();
  if (!login.ok) throw new Error(login.message);
  let broker: BrokerProcess | undefined;
  try {
    broker = await startBrokerProcess(database.url);
    const board = new SimulatedBoard({ url: `mqtt://127.0.0.1:${broker.port}`, machineId: BENCH_BOARD_BASE, localAddress: "127.0.0.2", timings: QUIET });
    await board.start(); // paired in its machine's pairing window
    await swipeUntil(board, new Promise((r) => setTimeout(r, 3_000))); // warm-up
    console.log("\npaired board, checkuser round trips one after another:");
    row("alone (10 s)", await swipeUntil(board, new Promise((r) => setTimeout(r, 10_000))));
    const flooding = flood(broker.port, login.username);
    const during = await swipeUntil(board, flooding);
    const { attempts, refused } = await flooding;
    const after = await broker.memory();
    row(
      `during ${FLOOD_SECONDS} s of wrong-password CONNECTs`,
      during,
      `  (${attempts} attempts, ${refused} refused; broker refusedLogins ${after.metrics.refusedLogins})`,
    );
    const idle = await idleClients(broker.port);
    const connected = (await broker.memory()).connectedClients;
    row(`with ${IDLE} idle MQTT connections (20 s)`, await swipeUntil(board, new Promise((r) => setTimeout(r, 20_000))), `  (${connected} clients connected)`);
    await Promise.all(idle.map((c) => c.endAsync(true)));
    const stopSilent = new Promise((r) => setTimeout(r, 20_000));
    const silent = silentSockets(broker.port, stopSilent);
    row(`with ${IDLE} silent TCP connections (20 s)`, await swipeUntil(board, stopSilent), `  (${silent.opened()} opened)`);
    const memory = await broker.memory();
    console.log(
      `\nbroker RSS ${(memory.rss / 1024 / 1024).toFixed(0)} MB; refusedConnections ${memory.metrics.refusedConnections}, refusedUnpaired ${memory.metrics.refusedUnpaired}`,
    );
    await board.close();
  } finally {
    await broker?.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
