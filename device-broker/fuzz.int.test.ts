import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { ask, connectBoard, sleep } from "./testing/board-client";
import { startBrokerProcess, type BrokerMemory, type BrokerProcess } from "./testing/broker-process";
import { Random, connectPacket, fuzzPayload, fuzzRawSession, fuzzTopic, publishPacket } from "./testing/fuzz-inputs";

const PAYLOADS = 90_000;
const RAW_SESSIONS = 12_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MB = 1024 * 1024;

let database: TestDatabase;
let broker: BrokerProcess;
beforeAll(async () => {
  database = await createTestDatabase();
  await ensureReferenceData(database.db);
  await seedDemoData(database.db, "demo-password-123");
  broker = await startBrokerProcess(database.url);
}, 120_000);
afterAll(async () => {
  await broker?.close();
  await database?.close();
});

/** One connection that publishes `count` fuzzed payloads; fails if the broker hangs up on it. */
async function publishStream(r: Random, count: number, clientNumber: number): Promise<void> {
  const socket = net.connect(broker.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let closedEarly = false;
  socket.once("close", () => (closedEarly = true));
  // No keepalive: under load Aedes may take longer than 1.5 × 10 s to work through what we queued.
  socket.write(connectPacket(`BOARD${clientNumber}`, { keepalive: 0 }));
  // Like a board, wait for CONNACK: Aedes drops a client that sends more than 42 packets before it.
  await new Promise((resolve) => socket.once("data", resolve));
  socket.on("data", () => {});
  // The board of demo machines 2 and 3 (paired in their pairing windows): a connection that is not would be
  // refused at its first request there. Once paired, a connection stays so, whatever its fuzzed alives claim.
  const alive = Buffer.from('{"action":"alive","version":"fuzz","ip":"127.0.0.1","serial":"fuzz-board"}');
  socket.write(Buffer.concat([publishPacket("machine/2", alive), publishPacket("machine/3", alive)]));
  for (let sent = 0; sent < count && !closedEarly;) {
    const batch: Buffer[] = [];
    for (let i = 0; i < 200 && sent < count; i++, sent++) batch.push(publishPacket(fuzzTopic(r), fuzzPayload(r)));
    if (!socket.write(Buffer.concat(batch))) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
  }
  if (closedEarly) throw new Error("the broker dropped a connection that only published to machine/<id> topics");
  await new Promise<void>((resolve) => socket.end(resolve));
}

/** One raw connection with broken bytes; resolves when the broker hung up or we gave up waiting. */
function rawSession(bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(broker.port, "127.0.0.1");
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, 300);
    socket.on("error", done).on("close", done);
    socket.on("data", () => {});
    socket.on("connect", () => socket.end(bytes));
  });
}

/** Waits until the broker got `target` requests and finished with them (its counters stopped moving). */
async function waitUntilIdle(target: number): Promise<BrokerMemory> {
  const done = (m: BrokerMemory) => m.metrics.answered! + m.metrics.rejected! + m.metrics.failed!;
  let last = await broker.memory();
  for (let i = 0; i < 1_200; i++) {
    await sleep(100);
    const memory = await broker.memory();
    if (memory.metrics.received! >= target && done(memory) === done(last)) return memory;
    last = memory;
  }
  return last;
}

const CHECKUSER = '{"action":"checkuser","uid":"efbeadde"}';

describe(`broker fuzz (FUZZ_SEED=${SEED})`, () => {
  it("survives 100,000+ malformed payloads and packets, answers correctly afterwards, memory bounded", async () => {
    const board = await connectBoard(broker.port, 900);
    const expectedMachine = (await ask(board, 1, '{"action":"checkmachine"}')).map((m) => m.text);
    const expectedUser = (await ask(board, 1, CHECKUSER)).map((m) => m.text);
    expect(expectedMachine).toHaveLength(1);
    expect(expectedUser).toHaveLength(1);
    await board.endAsync(true);
    const before = await broker.memory();

    const r = new Random(SEED);
    const streams = 4;
    await Promise.all(Array.from({ length: streams }, (_, i) => publishStream(new Random(SEED + i + 1), PAYLOADS / streams, 910 + i)));
    const sessions = Array.from({ length: RAW_SESSIONS }, (_, n) => fuzzRawSession(r, n));
    for (let i = 0; i < sessions.length; i += 48) await Promise.all(sessions.slice(i, i + 48).map(rawSession));
    const after = await waitUntilIdle(before.metrics.received! + PAYLOADS);

    expect(broker.alive()).toBe(true);
    expect(after.metrics.received! - before.metrics.received!).toBeGreaterThanOrEqual(PAYLOADS);
    expect(after.metrics.rejected).toBeGreaterThan(before.metrics.rejected! + PAYLOADS / 2);
    // Bounded, not equal: caches may warm up, but nothing may keep what the fuzzer sent (~25 MB of it).
    expect(after.heapUsed, `heap ${(before.heapUsed / MB) | 0} → ${(after.heapUsed / MB) | 0} MB`).toBeLessThan(before.heapUsed + 64 * MB);
    expect(after.rss, `rss ${(before.rss / MB) | 0} → ${(after.rss / MB) | 0} MB`).toBeLessThan(before.rss + 256 * MB);

    const again = await connectBoard(broker.port, 901);
    expect((await ask(again, 1, '{"action":"checkmachine"}')).map((m) => m.text)).toEqual(expectedMachine);
    expect((await ask(again, 1, CHECKUSER)).map((m) => m.text)).toEqual(expectedUser);
    await again.endAsync(true);
  }, 180_000);
});
