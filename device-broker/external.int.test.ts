import net from "node:net";
import os from "node:os";
import { randomBytes, randomInt } from "node:crypto";
import { Aedes } from "aedes";
import { eq, inArray } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerHeartbeats, equipmentTypes, machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { SimulatedBoard } from "@/scripts/simulator/board";
import { startBroker } from "./broker";
import { startExternalDispatcher, type RunningExternalDispatcher } from "./external";
import { waitFor } from "./testing/replies";

const EXTERNAL_URL = process.env.MQTT_EXTERNAL_URL;
const logger = pino({ level: "silent" });
const FAST = { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs: 2_000, reconnectMs: 100 };

let database: DemoDatabase;
// Topics are fixed by the protocol and the broker may be shared with other test runs: machine ids no demo
// or other run uses (two runs pick the same 100-id block with probability 1/900), and every dispatcher here
// subscribes to exactly these machines in a shared group of its own.
const base = 900_000 + randomInt(0, 900) * 100;
const KNOWN = base + 1;
const UNKNOWN = base + 2;
const group = `ms-test-${randomBytes(4).toString("hex")}`;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  database = await createDemoDatabase();
  const [laser] = await database.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
  await database.db.insert(machines).values({ boardId: KNOWN, name: "EXTERNAL LASER", equipmentTypeId: laser!.id, autoLogoffMinutes: 60 });
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
  await database.close();
});

function dispatcher(url: string, extra: { sharedGroup?: string | null } = {}): RunningExternalDispatcher {
  const d = startExternalDispatcher({
    db: database.db,
    url,
    logger,
    sharedGroup: group,
    machineIds: [KNOWN, UNKNOWN],
    heartbeatIntervalMs: 60_000,
    backoff: { minMs: 50, maxMs: 400 },
    ...extra,
  });
  running.push(d);
  return d;
}
async function bootBoard(url: string, machineId: number): Promise<SimulatedBoard> {
  const board = new SimulatedBoard({ url, machineId, timings: FAST });
  running.push(board);
  await board.start();
  return board;
}

describe.skipIf(!EXTERNAL_URL)("external-broker mode against Mosquitto (MQTT_EXTERNAL_URL)", () => {
  it("answers a simulated board through the external broker, exactly once, from the database", async () => {
    const d = dispatcher(EXTERNAL_URL!);
    await d.ready;
    const board = await bootBoard(EXTERNAL_URL!, KNOWN);
    expect(board.machine).toMatchObject({ request_ok: true, is_valid: true, name: "EXTERNAL LASER", logoff: 60 });
    const unknown = await bootBoard(EXTERNAL_URL!, UNKNOWN);
    expect(unknown.machine).toEqual({ request_ok: false, message: "Invalid machine ID" });
    await board.checkMachine();
    expect(board.link.unsolicited + unknown.link.unsolicited).toBe(0);
    await Promise.all([board.close(), unknown.close(), d.close()]);
  });

  it("splits requests between two backends in one shared group: each answered once", async () => {
    const [a, b] = [dispatcher(EXTERNAL_URL!), dispatcher(EXTERNAL_URL!)];
    await Promise.all([a.ready, b.ready]);
    const board = await bootBoard(EXTERNAL_URL!, KNOWN);
    for (let i = 0; i < 20; i++) expect((await board.checkMachine())?.name).toBe("EXTERNAL LASER");
    // Every request handled (alive and checkmachine at boot, then 20; the alive has no answer): a request the
    // broker gave both backends would count twice, and a second answer would be counted where it was sent.
    await waitFor("every request answered", async () => a.metrics.answered + b.metrics.answered + a.metrics.failed + b.metrics.failed >= 21);
    expect(a.metrics.received + b.metrics.received).toBe(22);
    expect([a.metrics.answered + b.metrics.answered, a.metrics.failed + b.metrics.failed]).toEqual([21, 0]);
    // The board's own round trip after the answers: one more request, one answer, nothing unasked before it.
    expect((await board.checkMachine())?.name).toBe("EXTERNAL LASER");
    expect(board.link.unsolicited).toBe(0);
    await Promise.all([board.close(), a.close(), b.close()]);
  });
});

describe("external-broker mode: reconnecting", () => {
  it("keeps retrying with backoff while the broker is down and serves boards once it is up", async () => {
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;
    const d = dispatcher(url, { sharedGroup: null });
    await waitFor("several failed attempts", async () => d.failedConnects() >= 3);
    expect(d.connected()).toBe(false);
    const aedes = await Aedes.createBroker();
    const server = net.createServer((socket) => aedes.handle(socket)).listen(port, "127.0.0.1");
    running.push({ close: () => new Promise<void>((resolve) => aedes.close(() => server.close(() => resolve()))) });
    await d.ready;
    const board = await bootBoard(url, KNOWN);
    expect(board.machine).toMatchObject({ name: "EXTERNAL LASER" });
  });
});

describe("instance ids", () => {
  it("two dispatchers on one host record distinct instance ids, and so do two embedded brokers", async () => {
    // Nothing listens there: the heartbeat is written from the start, connected or not.
    const url = `mqtt://127.0.0.1:${await freePort()}`;
    const [a, b] = [dispatcher(url, { sharedGroup: null }), dispatcher(url, { sharedGroup: null })];
    expect(a.instanceId).not.toBe(b.instanceId);
    expect(a.instanceId.startsWith(`${os.hostname()}:external:${process.pid}-`)).toBe(true);
    const heartbeatsOf = async (ids: string[]) => (await database.db.select().from(brokerHeartbeats).where(inArray(brokerHeartbeats.instanceId, ids))).length;
    await waitFor("both dispatchers' heartbeats", async () => (await heartbeatsOf([a.instanceId, b.instanceId])) === 2);

    const embedded = await Promise.all([0, 1].map(() => startBroker({ db: database.db, port: 0, host: "127.0.0.1", logger })));
    running.push(...embedded);
    expect(embedded[0]!.instanceId).not.toBe(embedded[1]!.instanceId);
    await waitFor("both brokers' heartbeats", async () => (await heartbeatsOf(embedded.map((e) => e.instanceId))) === 2);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
