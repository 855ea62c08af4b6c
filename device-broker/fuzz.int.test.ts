import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { ask, connectBoard, sleep } from "./testing/board-client";
import { startBrokerProcess, type BrokerMemory, type BrokerProcess } from "./testing/broker-process";
import { Random, fuzzPublishStream, fuzzRawConnection, fuzzRawSession } from "./testing/fuzz-inputs";

const PAYLOADS = 90_000;
const RAW_SESSIONS = 12_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MB = 1024 * 1024;

let database: DemoDatabase;
let broker: BrokerProcess;
beforeAll(async () => {
  database = await createDemoDatabase();
  broker = await startBrokerProcess(database.url);
}, 120_000);
afterAll(async () => {
  await broker?.close();
  await database?.close();
});

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
    await Promise.all(Array.from({ length: streams }, (_, i) => fuzzPublishStream(broker.port, new Random(SEED + i + 1), PAYLOADS / streams, 910 + i)));
    const sessions = Array.from({ length: RAW_SESSIONS }, (_, n) => fuzzRawSession(r, n));
    for (let i = 0; i < sessions.length; i += 48) await Promise.all(sessions.slice(i, i + 48).map((bytes) => fuzzRawConnection(broker.port, bytes)));
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
