import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { ask, connectBoard } from "./testing/board-client";
import { startBrokerProcess, type BrokerProcess } from "./testing/broker-process";
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
    const streamed = await Promise.all(
      Array.from({ length: streams }, (_, i) => fuzzPublishStream(broker.port, new Random(SEED + i + 1), PAYLOADS / streams, 910 + i)),
    );
    const sessions = Array.from({ length: RAW_SESSIONS }, (_, n) => fuzzRawSession(r, n));
    for (let i = 0; i < sessions.length; i += 48) await Promise.all(sessions.slice(i, i + 48).map((bytes) => fuzzRawConnection(broker.port, bytes)));
    // Every publish of the streams settled by the broker (its own signal, counted in the child): nothing left to
    // handle when the memory is read. The raw sessions are done with: the broker hung up on each of them.
    await Promise.all(streamed.map(({ clientId, published }) => broker.settled(clientId, published)));
    const after = await broker.memory();

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
