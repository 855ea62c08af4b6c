import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines, usageSessions } from "@/lib/db/schema";
import { MAX_SESSION_SECONDS } from "@/lib/domain/usage/events";
import { openPolicy } from "./policy";
import { connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { replayBoard, replayedUse, start, stop } from "./testing/replay-board";

/*
 * Replay storms as the firmware makes them: its offline queue (startuse/stopuse, "replay":true, no timestamp) sent
 * again after reconnects and reboots, in order or not. Every scenario ends with the exact rows it must leave.
 */

let f: BrokerFixture;
let laserType: number;
beforeAll(async () => {
  f = await startBrokerFixture({ policy: openPolicy() });
  laserType = (await f.database.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
});
afterAll(() => f.close());

const A = "efbeadde"; // Mario, trained on the laser
const B = "b0000002"; // Tom, its owner
let nextBoard = 700;

/** A fresh machine and a board on it; `send` publishes one message and expects exactly one reply. */
async function freshBoard() {
  const boardId = nextBoard++;
  const [machine] = await f.database.db
    .insert(machines)
    .values({ name: `Replay ${boardId}`, boardId, equipmentTypeId: laserType })
    .returning();
  await f.refresh();
  let boots = 0;
  const b = await replayBoard({
    db: f.database.db,
    boardId,
    machineId: machine!.id,
    clientId: boardId,
    connect: async (clientId) => f.track(await connectBoard(f.broker.port, clientId)),
  });
  /** The board reboots: a new random client id, and its queue comes back from flash (maybe an older copy). */
  const reboot = () => b.reconnect(`BOARD${boardId}-${++boots}`, { announce: false });
  return { ...b, reboot };
}

/** A fixed shuffle (no randomness in tests): each replay of the queue in another order. */
const orders = [
  [0, 1, 2, 3, 4, 5],
  [5, 3, 1, 4, 0, 2],
  [2, 0, 5, 1, 3, 4],
];

describe("replay storms: every replayed message applied exactly once", () => {
  it("a 3-session queue replayed three times gives 3 rows", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 40), start(A), stop(A, 50), start(A), stop(A, 60)];
    for (let round = 0; round < 3; round++) {
      await b.alive(); // each replay follows a reconnect
      for (const message of queue) await b.send(message);
    }
    expect(await b.rows()).toEqual([replayedUse(A, 40), replayedUse(A, 50), replayedUse(A, 60)]);
  });

  it("the same queue replayed three times in shuffled order gives 3 rows", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 40), start(A), stop(A, 50), start(A), stop(A, 60)];
    for (const order of orders) {
      await b.alive();
      for (const i of order) await b.send(queue[i]!);
    }
    expect((await b.rows()).sort((x, y) => x.duration! - y.duration!)).toEqual([replayedUse(A, 40), replayedUse(A, 50), replayedUse(A, 60)]);
  });

  it("a reboot shortly after a replay (the queue sent again, partly) gives 2 rows for 2 uses", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 30), start(B), stop(B, 45)];
    await b.alive();
    for (const message of queue) await b.send(message);
    await b.alive(); // rebooted: the flash copy of the queue is sent again, and again from its second use
    for (const message of queue) await b.send(message);
    await b.alive();
    for (const message of queue.slice(2)) await b.send(message);
    expect((await b.rows()).sort((x, y) => x.duration! - y.duration!)).toEqual([replayedUse(A, 30), replayedUse(B, 45)]);
  });

  it("a stopuse before its startuse leaves no open session (the machine is not busy)", async () => {
    const b = await freshBoard();
    await b.send(stop(A, 25));
    await b.send(start(A));
    expect(await b.rows()).toEqual([replayedUse(A, 25)]);
  });

  it("a live 5 s use followed by a replayed offline 5 s use keeps both", async () => {
    const b = await freshBoard();
    await b.send(start(A, false));
    await b.send(stop(A, 5, false));
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 5));
    expect(await b.rows()).toEqual([{ card: A, duration: 5, as: "live", ended: "stop" }, replayedUse(A, 5)]);
  });

  it("two offline uses of the same duration in one queue are two uses, however often the queue comes", async () => {
    const b = await freshBoard();
    const queue = [start(A), stop(A, 7), start(A), stop(A, 7)];
    for (let round = 0; round < 2; round++) {
      await b.alive();
      for (const message of queue) await b.send(message);
    }
    expect(await b.rows()).toEqual([replayedUse(A, 7), replayedUse(A, 7)]);
  });

  it("a replayed stop sent again at once (its reply came too late for the board) is one stop", async () => {
    const b = await freshBoard();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 9));
    await b.send(stop(A, 9));
    expect(await b.rows()).toEqual([replayedUse(A, 9)]);
  });

  it("a live stop whose reply was lost, replayed alone, is recorded once", async () => {
    const b = await freshBoard();
    await b.send(start(A, false));
    await b.send(stop(A, 12, false));
    await b.alive();
    await b.send(stop(A, 12));
    await b.alive();
    await b.send(stop(A, 12));
    expect(await b.rows()).toEqual([{ card: A, duration: 12, as: "live", ended: "stop" }]);
  });

  it("a late replayed stop of the previous card does not close the session running now", async () => {
    const b = await freshBoard();
    await b.send(start(B, false));
    await b.alive();
    await b.send(stop(A, 20));
    const rows = await f.database.db.select().from(usageSessions).where(eq(usageSessions.machineId, b.machineId)).orderBy(asc(usageSessions.id));
    expect(await b.rows()).toEqual([{ card: B, duration: null, as: "live", ended: null }, replayedUse(A, 20)]);
    // The earlier use ended when the running one began (one card at a time on a board).
    expect(rows[1]!.endedAt!.getTime()).toBeLessThanOrEqual(rows[0]!.startedAt.getTime());
  });
});

describe("replays of a board whose queue the broker follows (it spoke live since it booted)", () => {
  it("an alive in the middle of a replay burst (a reconnect) does not merge two same-length uses of one card", async () => {
    const b = await freshBoard();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.alive(); // the connection dropped mid-queue; the rest of the queue follows the reconnect
    await b.send(start(A));
    await b.send(stop(A, 7));
    await b.live();
    expect(await b.rows()).toEqual([replayedUse(A, 7), replayedUse(A, 7)]);
    // A reboot then sends an older copy of the queue from flash: nothing new is recorded from it.
    await b.reboot();
    for (const message of [start(A), stop(A, 7), start(A), stop(A, 7)]) await b.send(message);
    expect(await b.rows()).toEqual([replayedUse(A, 7), replayedUse(A, 7)]);
  });

  it("two offline uses of one card with the same duration, in bursts minutes apart, are two uses", async () => {
    const b = await freshBoard();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 60));
    await b.live(); // online again for a while, then offline for the second use
    await b.alive();
    await b.send(start(A));
    await b.send(stop(A, 60));
    await b.alive(); // the stop's answer was lost: the board sends it again after reconnecting
    await b.send(stop(A, 60));
    expect(await b.rows()).toEqual([replayedUse(A, 60), replayedUse(A, 60)]);
  });

  it("a live stop whose answer was lost, sent again from the queue, is recorded once", async () => {
    const b = await freshBoard();
    await b.live();
    await b.send(start(A, false));
    await b.send(stop(A, 12, false));
    await b.alive();
    await b.send(stop(A, 12));
    await b.live();
    expect(await b.rows()).toEqual([{ card: A, duration: 12, as: "live", ended: "stop" }]);
  });

  it("a use the firmware queued twice (its publishes failed while it still counted itself online) is one use, on a reconnect and from flash after a reboot", async () => {
    // Fab-O-Matic's FabBackend::processQuery buffers a startuse/stopuse whose publish failed, after publishWithReply
    // has buffered it already: two copies, back to back, in RAM and in the flash copy.
    const b = await freshBoard();
    await b.live();
    const queue = [start(A), start(A), stop(A, 33), stop(A, 33)];
    await b.alive();
    for (const message of queue) await b.send(message);
    await b.live();
    expect(await b.rows()).toEqual([replayedUse(A, 33)]);
    await b.reboot();
    for (const message of queue) await b.send(message);
    expect(await b.rows()).toEqual([replayedUse(A, 33)]);
    // After the reboot, a use not recorded yet, queued twice the same way: one use too.
    await b.reboot();
    for (const message of [start(B), start(B), stop(B, 44), stop(B, 44)]) await b.send(message);
    expect(await b.rows()).toEqual([replayedUse(A, 33), replayedUse(B, 44)]);
  });

  it("a replayed start never followed by its stop is still a use (open until its stop, an inuse or an hour's silence)", async () => {
    const b = await freshBoard();
    await b.live();
    await b.alive();
    await b.send(start(A));
    await b.live();
    expect(await b.rows()).toEqual([{ card: A, duration: null, as: "replayed", ended: null }]);
    // Its stop, replayed later: the same use, with the board's duration.
    await b.alive();
    await b.send(stop(A, 300));
    expect(await b.rows()).toEqual([replayedUse(A, 300)]);
  });
});

describe("bounded durations", () => {
  it("answers a stopuse of 2^31 s or more, and records no more than a week", async () => {
    const b = await freshBoard();
    for (const duration of [2 ** 31, 2 ** 32 - 1, 2 ** 31 - 1]) {
      await b.send(start(A, false));
      expect(await b.send(stop(A, duration, false))).toEqual({ request_ok: true, message: `Duration ${duration} seconds` });
    }
    expect((await b.rows()).map((r) => r.duration)).toEqual([MAX_SESSION_SECONDS, MAX_SESSION_SECONDS, MAX_SESSION_SECONDS]);
  });

  it("answers an inuse with an absurd duration without a database error", async () => {
    const b = await freshBoard();
    expect(await b.send({ action: "inuse", uid: A, duration: 2 ** 40 })).toEqual({ request_ok: true, message: "inUse" });
    expect(await b.rows()).toEqual([{ card: A, duration: null, as: "reconstructed", ended: null }]);
  });
});
