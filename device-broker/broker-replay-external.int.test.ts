import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { equipmentTypes, machines } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { startExternalDispatcher, type RunningExternalDispatcher } from "./external";
import { connectBoard } from "./testing/board-client";
import { replayBoard, replayedUse, start, stop } from "./testing/replay-board";

/*
 * Replays in external-broker mode (MQTT_URL: the backend subscribes to the space's Mosquitto and never sees a
 * board's client id): the board's offline queue is followed by its topic, by the same rules as on the embedded
 * broker (replay-bursts.ts), and kept under DATA_DIR across a restart of the backend. Exact rows in every case.
 */
const EXTERNAL_URL = process.env.MQTT_EXTERNAL_URL;
const A = "efbeadde";
// Topics are fixed by the protocol and the broker may be shared with other runs: ids nobody else uses, a group of our own.
const base = 800_000 + randomInt(0, 900) * 100;
const group = `ms-replay-${randomBytes(4).toString("hex")}`;

let t: TestDatabase;
let laserType: number;
let dataDir: string;
let dispatcher: RunningExternalDispatcher | undefined;
const clients: MqttClient[] = [];
let nextBoard = base;

async function startDispatcher(): Promise<void> {
  dispatcher = startExternalDispatcher({
    db: t.db,
    url: EXTERNAL_URL!,
    logger: pino({ level: "silent" }),
    sharedGroup: group,
    machineIds: Array.from({ length: 10 }, (_, i) => base + i),
    heartbeatIntervalMs: 60_000,
    backoff: { minMs: 50, maxMs: 400 },
    dataDir,
  });
  await dispatcher.ready;
}

describe.skipIf(!EXTERNAL_URL)("replays through an external broker (MQTT_EXTERNAL_URL), followed by topic", () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    await ensureReferenceData(t.db);
    await seedDemoData(t.db, "demo-password-123");
    laserType = (await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter")))[0]!.id;
    for (let i = 0; i < 3; i++) await t.db.insert(machines).values({ name: `EXTERNAL REPLAY ${i}`, boardId: base + i, equipmentTypeId: laserType });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-replay-external-"));
    await startDispatcher();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
    await dispatcher?.close();
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function board() {
    const boardId = nextBoard++;
    const [machine] = await t.db.select().from(machines).where(eq(machines.boardId, boardId));
    const port = Number(new URL(EXTERNAL_URL!).port) || 1883;
    // A reconnect keeps the client id: the backend cannot see whether it changed.
    return replayBoard({
      db: t.db,
      boardId,
      machineId: machine!.id,
      clientId: randomInt(0, 1000),
      connect: async (id) => {
        const client = await connectBoard(port, id);
        clients.push(client);
        return client;
      },
    });
  }

  it("two offline uses of one card with the same length, the backend restarted between their bursts: two uses", { timeout: 60_000 }, async () => {
    const b = await board();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.live();
    await dispatcher!.close();
    await startDispatcher();
    await b.reconnect();
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.live();
    expect(b.sent()).toBe(7);
    // By the burst rules (before: no client id, nothing kept) the second stop was taken for the first sent again.
    expect(await b.rows()).toEqual([replayedUse(A, 7), replayedUse(A, 7)]);
  });

  it("the queue's last stop sent again after a reconnect (its answer was lost) is recorded once", { timeout: 60_000 }, async () => {
    const b = await board();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 9));
    await b.reconnect();
    await b.send(stop(A, 9));
    await b.live();
    expect(b.sent()).toBe(5);
    expect(await b.rows()).toEqual([replayedUse(A, 9)]);
  });

  it("a live use, then after a reconnect a replayed offline use of the same length: both kept", { timeout: 60_000 }, async () => {
    const b = await board();
    await b.live();
    await b.send(start(A, false));
    await b.send(stop(A, 5, false));
    await b.reconnect();
    await b.send(start(A));
    await b.send(stop(A, 5));
    await b.live();
    expect(b.sent()).toBe(6);
    expect(await b.rows()).toEqual([{ card: A, duration: 5, as: "live", ended: "stop" }, replayedUse(A, 5)]);
  });
});
