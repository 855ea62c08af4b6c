import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { startBroker, type RunningBroker } from "./broker";
import { openPolicy } from "./policy";
import { connectBoard } from "./testing/board-client";
import { replayBoard, replayedUse, start, stop } from "./testing/replay-board";

/*
 * Replays across a restart of the broker and a reboot of the board (issue 21): the board's offline queue as the
 * broker followed it is kept under DATA_DIR, so a board reconnecting to a restarted broker with its client id is
 * followed as before. Every scenario ends with the exact rows it must leave.
 */

let t: DemoDatabase;
let laserType: number;
let dataDir: string;
let broker: RunningBroker | undefined;
const clients: MqttClient[] = [];

const startOurBroker = async () =>
  (broker = await startBroker({ db: t.db, port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), policy: openPolicy(), dataDir }));

beforeAll(async () => {
  t = await createDemoDatabase();
  laserType = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "broker-replay-restart-"));
  await startOurBroker();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
  await broker?.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const A = "efbeadde";
const B = "b0000002";
let nextBoard = 800;

async function freshBoard() {
  const boardId = nextBoard++;
  const [machine] = await t.db
    .insert(machines)
    .values({ name: `Restart ${boardId}`, boardId, equipmentTypeId: laserType })
    .returning();
  await broker!.offline.snapshot?.refresh();
  // Reconnects go to the broker running now; the same client id unless the board rebooted and drew another.
  return replayBoard({
    db: t.db,
    boardId,
    machineId: machine!.id,
    clientId: `BOARD${boardId}`,
    connect: async (id) => {
      const client = await connectBoard(broker!.port, id);
      clients.push(client);
      return client;
    },
  });
}

async function restartBroker() {
  await broker!.close();
  await startOurBroker();
}

describe("replays across a broker restart", () => {
  it("two offline uses of one card with the same duration, the broker restarted between their bursts, are two uses", async () => {
    const b = await freshBoard();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.live();
    await restartBroker();
    await b.reconnect(); // the same client id: a reconnect, not a reboot
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.live();
    expect(b.sent()).toBe(7);
    expect(await b.rows()).toEqual([replayedUse(A, 7), replayedUse(A, 7)]);
  });

  it("a live use and then, after the restart, a replayed offline use of the same length: both kept", async () => {
    const b = await freshBoard();
    await b.live();
    await b.send(start(A, false));
    await b.send(stop(A, 5, false));
    await restartBroker();
    await b.reconnect();
    await b.send(start(A));
    await b.send(stop(A, 5));
    await b.live();
    expect(b.sent()).toBe(6);
    expect(await b.rows()).toEqual([{ card: A, duration: 5, as: "live", ended: "stop" }, replayedUse(A, 5)]);
  });

  it("the queue's last message sent again after the restart (its answer was lost) is recorded once", async () => {
    const b = await freshBoard();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 9));
    await restartBroker();
    await b.reconnect();
    await b.send(stop(A, 9));
    await b.live();
    expect(b.sent()).toBe(5);
    expect(await b.rows()).toEqual([replayedUse(A, 9)]);
  });
});

describe("replays across a reboot of the board", () => {
  it("a reboot mid-replay: the flash copy sent again from its start gives 2 rows for 2 uses", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 30), start(B), stop(B, 45)];
    await b.alive();
    for (const message of queue.slice(0, 3)) await b.send(message);
    await b.reconnect("BOARD-rebooted-1"); // rebooted before stop B: a new client id, the older flash copy
    for (const message of queue) await b.send(message);
    await b.live();
    expect(b.sent()).toBe(8);
    expect((await b.rows()).sort((x, y) => x.duration! - y.duration!)).toEqual([replayedUse(A, 30), replayedUse(B, 45)]);
  });

  it("a reboot after the broker restarted, the flash copy sent again: nothing new recorded from it", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 11), start(A), stop(A, 12)];
    await b.alive();
    for (const message of queue) await b.send(message);
    await restartBroker();
    await b.reconnect("BOARD-rebooted-2");
    for (const message of queue) await b.send(message);
    await b.live();
    expect(b.sent()).toBe(9);
    expect(await b.rows()).toEqual([replayedUse(A, 11), replayedUse(A, 12)]);
  });
});
