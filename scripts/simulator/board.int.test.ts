import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultHandlers } from "@/device-broker/handlers/dispatch";
import type { ActionHandler, HandlerRegistry } from "@/device-broker/handlers/types";
import { usageSessions } from "@/lib/db/schema";
import { waitFor } from "@/lib/testing/wait-for";
import { SimulatedBoard, type BoardOptions } from "./board";
import { startSimBroker, type SimBroker } from "./testing/sim-broker";

// The backend's usage handlers are built in parallel; these scripted answers (protocol shapes) let the tests
// look at what the board does. checkmachine and alive are the real handlers over the real database.
const LEVELS: Record<string, number> = { efbeadde: 1, b0000002: 2 };
let silentOnce = new Set<string>();
/** Every startuse/stopuse/maintenance the broker handed on, with the client id it came from. */
const heard: { clientId?: string; machine: number; request: Record<string, unknown> }[] = [];
const scripted =
  (message: string): ActionHandler<"startuse" | "stopuse" | "maintenance"> =>
  async (_ctx, req) => {
    heard.push({ clientId: req.from?.clientId, machine: req.boardId, request: { ...req.request } });
    const key = `${req.request.action}:${req.request.uid}`;
    if (silentOnce.delete(key)) return null; // the backend "hangs" once: the board times out
    return { reply: { request_ok: true, message } };
  };
const handlers: HandlerRegistry = {
  ...defaultHandlers,
  checkuser: async (_ctx, req) => {
    const level = LEVELS[req.request.uid];
    return level
      ? { reply: { request_ok: true, is_valid: true, name: "Mario", missing_auth: false, level } }
      : { reply: { request_ok: true, is_valid: false, name: "Unknown", missing_auth: false, level: 0 } };
  },
  startuse: scripted(""),
  inuse: async () => ({ reply: { request_ok: true, message: "inUse" } }),
  stopuse: (ctx, req) => scripted(`Duration ${req.request.duration} seconds`)(ctx, req),
  maintenance: scripted(""),
};

let sim: SimBroker;
const boards: SimulatedBoard[] = [];
beforeAll(async () => {
  sim = await startSimBroker(handlers);
});
afterEach(async () => {
  await Promise.all(boards.splice(0).map((b) => b.close()));
  silentOnce = new Set();
});
afterAll(() => sim.close());

// The firmware's 2 s reply timeout: shorter ones fail on a busy machine, not because of the board.
const FAST = { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs: 2_000, reconnectMs: 100 };
function board(machineId: number, options: Partial<BoardOptions> = {}): SimulatedBoard {
  const b = new SimulatedBoard({ url: sim.url, machineId, ...options, timings: { ...FAST, ...options.timings } });
  boards.push(b);
  return b;
}
const actionsOn = (machineId: number) => sim.seen.filter((m) => m.topic === `machine/${machineId}`).map((m) => m.body);
const until = (check: () => boolean, what: string) => waitFor(what, check);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("simulated board", () => {
  it("boots like the firmware: BOARD<n>, alive with string fields, then checkmachine answered from the database", async () => {
    sim.seen.length = 0;
    const b = board(1, { clientNumber: 7 });
    await b.start();
    expect(b.link.clientId).toBe("BOARD7");
    expect(b.machine).toMatchObject({ request_ok: true, is_valid: true, name: "LASER 1", logoff: 480, type: 2 });
    const [alive, check] = actionsOn(1);
    expect(alive).toMatchObject({ action: "alive", version: expect.any(String), ip: expect.any(String), serial: expect.any(String) });
    expect(alive!.heap).toMatch(/^\d+$/);
    expect(check).toEqual({ action: "checkmachine" });
    expect(b.link.unsolicited).toBe(0);
  });

  it("repeats checkmachine and alive on its schedule", async () => {
    const b = board(2, { timings: { checkMachineMs: 40, aliveMs: 60 } });
    sim.seen.length = 0;
    await b.start();
    await until(() => actionsOn(2).filter((m) => m.action === "checkmachine").length >= 3, "three checkmachine");
    await until(() => actionsOn(2).filter((m) => m.action === "alive").length >= 2, "two alive");
  });

  it("swipes: checkuser, startuse, inuse while in use, stopuse with whole seconds", async () => {
    const b = board(1, { timings: { inUseMs: 50 } });
    await b.start();
    sim.seen.length = 0;
    const outcome = await b.swipe("efbeadde");
    expect(outcome).toMatchObject({ loggedIn: true, user: { uid: "efbeadde", level: 1, name: "Mario" } });
    await until(() => actionsOn(1).some((m) => m.action === "inuse"), "inuse");
    const duration = await b.stop();
    expect(Number.isInteger(duration)).toBe(true);
    const sent = actionsOn(1);
    expect(sent[0]).toEqual({ action: "checkuser", uid: "efbeadde" });
    expect(sent[1]).toEqual({ action: "startuse", uid: "efbeadde" });
    expect(sent.at(-1)).toEqual({ action: "stopuse", uid: "efbeadde", duration });
    expect(sent.filter((m) => m.action === "inuse").every((m) => Number.isInteger(m.duration))).toBe(true);
    expect(b.link.unsolicited).toBe(0);
  });

  it("refuses an unknown card without startuse, and a second card while in use", async () => {
    const b = board(3);
    await b.start();
    sim.seen.length = 0;
    expect(await b.swipe("0badcafe")).toMatchObject({ loggedIn: false, reason: "refused", reply: { is_valid: false, level: 0 } });
    expect(actionsOn(3).map((m) => m.action)).toEqual(["checkuser"]);
    await b.swipe("efbeadde");
    expect(await b.swipe("b0000002")).toMatchObject({ loggedIn: false, reason: "busy" });
  });

  it("follows remote start and stop commands", async () => {
    const b = board(2);
    await b.start();
    await sim.command(2, { request_type: "start", uid: "EFBEADDE" });
    await until(() => b.user?.uid === "efbeadde", "remote login");
    await sim.command(2, { request_type: "stop", uid: "efbeadde" });
    await until(() => actionsOn(2).at(-1)?.action === "stopuse", "remote logout");
    expect(b.user).toBeNull();
    expect(actionsOn(2).at(-1)).toMatchObject({ action: "stopuse", uid: "efbeadde" });
  });

  it("buffers startuse/stopuse while the broker is gone and replays them in order with replay:true", async () => {
    const b = board(1);
    await b.start();
    await b.swipe("efbeadde"); // now in the board's cache
    await b.stop();
    await sim.stop();
    await until(() => !b.link.connected, "disconnect");
    expect(await b.swipe("efbeadde")).toMatchObject({ loggedIn: true, user: { offline: true } });
    const duration = await b.stop();
    expect(b.buffer.list().map((m) => m.action)).toEqual(["startuse", "stopuse"]);
    sim.seen.length = 0;
    await sim.restart();
    await until(() => b.buffer.size === 0 && actionsOn(1).some((m) => m.action === "checkmachine"), "replay");
    expect(actionsOn(1).filter((m) => m.action !== "alive")).toEqual([
      { action: "startuse", uid: "efbeadde", replay: true },
      { action: "stopuse", uid: "efbeadde", duration, replay: true },
      { action: "checkmachine" },
    ]);
  });

  it("sends nothing on a new connection before it has subscribed and announced itself, as the firmware", async () => {
    const b = board(5);
    await b.start();
    await b.swipe("efbeadde"); // now in the board's cache
    await b.stop();
    await sim.stop();
    await until(() => !b.link.connected, "disconnect");
    const release = sim.holdBoardSubscriptions();
    try {
      sim.seen.length = 0;
      await sim.restart();
      // Connected (CONNACK), its subscription not granted yet: a swipe now is an offline one, sent to nobody.
      await until(() => sim.held > 0, "the board's subscription to wait");
      expect(await b.swipe("efbeadde")).toMatchObject({ loggedIn: true, user: { offline: true } });
      const duration = await b.stop();
      expect(actionsOn(5)).toEqual([]);
      release();
      await until(() => b.buffer.size === 0 && actionsOn(5).some((m) => m.action === "checkmachine"), "the connect sequence");
      // Before, the swipe's checkuser went out right after CONNACK, ahead of the alive: a broker refuses a paired
      // board's request on a connection that has not announced which board it is (soak: "not paired" after a restart).
      expect(actionsOn(5).map((m) => m.action)).toEqual(["alive", "startuse", "stopuse", "checkmachine"]);
      expect(actionsOn(5)[2]).toEqual({ action: "stopuse", uid: "efbeadde", duration, replay: true });
    } finally {
      release();
    }
  });

  it("buffers a request whose reply times out, reconnects and replays it", async () => {
    const b = board(3);
    await b.start();
    silentOnce.add("startuse:b0000002");
    sim.seen.length = 0;
    expect(await b.swipe("b0000002")).toMatchObject({ loggedIn: true });
    expect(b.buffer.size).toBe(1);
    await until(() => b.buffer.size === 0, "replay after reconnect");
    expect(actionsOn(3).filter((m) => m.action === "startuse")).toEqual([
      { action: "startuse", uid: "b0000002" },
      { action: "startuse", uid: "b0000002", replay: true },
    ]);
  });

  it("a reconnect keeps its client id and sends nothing answered again; a reboot draws a new id and replays the flash copy", async () => {
    const b = board(6, { clientNumber: 21 });
    await b.start();
    await b.swipe("efbeadde"); // now in the board's cache
    await b.stop();
    b.saveToFlash(); // the card cache in flash
    const replayed = () => heard.filter((h) => h.machine === 6 && h.request.replay === true);
    await b.disconnect();
    await b.swipe("efbeadde");
    const duration = await b.stop();
    const queue = [
      { action: "startuse", uid: "efbeadde" },
      { action: "stopuse", uid: "efbeadde", duration },
    ];
    b.saveToFlash(); // the firmware's periodic save falls while the queue is full
    expect(b.buffer.flashCopy()).toEqual(queue);
    await b.reconnect();
    expect(b.buffer.size).toBe(0);
    const asReplayed = (clientId: string) => queue.map((request) => ({ clientId, machine: 6, request: { ...request, replay: true } }));
    expect(replayed()).toEqual(asReplayed("BOARD21"));
    // The Wi-Fi gone and back: same id, the queue in RAM is empty, nothing is sent again.
    await b.disconnect();
    await b.reconnect();
    expect(b.link.clientId).toBe("BOARD21");
    expect(replayed()).toHaveLength(2);
    // A reboot: a new id, and the flash copy (saved before the replay) sent again, although answered.
    await b.reboot({ clientNumber: 22 });
    expect(b.link.clientId).toBe("BOARD22");
    expect(replayed()).toEqual([...asReplayed("BOARD21"), ...asReplayed("BOARD22")]);
    // The card cache came back from flash: an offline login still works. That use, queued after the last save,
    // is lost by the next reboot, which replays the old flash copy once more.
    await b.disconnect();
    expect(await b.swipe("efbeadde")).toMatchObject({ loggedIn: true, user: { offline: true } });
    await b.stop();
    expect(b.buffer.size).toBe(2);
    await b.reboot({ clientNumber: 23 });
    expect(b.user).toBeNull();
    expect(replayed()).toEqual([...asReplayed("BOARD21"), ...asReplayed("BOARD22"), ...asReplayed("BOARD23")]);
    // Without a choice, the boot draws BOARD<0-999> as the firmware's random(0, 1000) does.
    await b.reboot();
    expect(b.link.clientId).toMatch(/^BOARD([0-9]|[1-9][0-9]|[1-9][0-9]{2})$/);
  });

  it("sends nothing more on a connection after a request went unanswered: the firmware has dropped it", async () => {
    const b = board(7);
    await b.start();
    await b.swipe("efbeadde");
    silentOnce.add("stopuse:efbeadde");
    await b.stop(); // unanswered within the timeout: buffered, and the connection dropped
    expect(b.buffer.size).toBe(1);
    // Before, the next request went out on the dying connection and counted as sent and unanswered (the soak's
    // full-disk fault showed dozens of unanswered checkmachine that no broker had received).
    expect(await b.link.request({ action: "checkmachine" })).toMatchObject({ sent: false, reply: null });
    await until(() => b.buffer.size === 0, "the reconnect's replay");
  });

  it("refuses an unknown card while offline, and reports an unknown machine's answer", async () => {
    const b = board(4242);
    await b.start();
    expect(b.machine).toEqual({ request_ok: false, message: "Invalid machine ID" });
    await b.disconnect();
    expect(await b.swipe("0badcafe")).toMatchObject({ loggedIn: false, reason: "offline_unknown" });
  });
});

// Skipped only where the backend's checkuser is not registered yet (commits of the parallel work in between).
describe.skipIf(!defaultHandlers.checkuser || !defaultHandlers.stopuse)("simulated board against the real handlers", () => {
  let real: SimBroker;
  beforeAll(async () => {
    real = await startSimBroker();
  });
  afterAll(() => real.close());

  it("lets Mario in on LASER 1 at level 1 and gets his session's duration confirmed", async () => {
    const b = new SimulatedBoard({ url: real.url, machineId: 1, timings: FAST });
    boards.push(b);
    await b.start();
    expect(await b.swipe("efbeadde")).toMatchObject({ loggedIn: true, user: { level: 1, name: "Mario", offline: false } });
    const replies: unknown[] = [];
    b.on("exchange", (x: { reply: unknown }) => replies.push(x.reply));
    const duration = await b.stop();
    expect(replies).toEqual([{ request_ok: true, message: `Duration ${duration} seconds` }]);
    expect(await b.swipe("d0000004")).toMatchObject({ loggedIn: false, reason: "refused" }); // the applicant
    expect(b.link.unsolicited).toBe(0);
  });

  it("records each use once when the board reboots twice and replays an answered flash copy (the soak's replay storm)", async () => {
    const b = new SimulatedBoard({ url: real.url, machineId: 1, clientNumber: 31, timings: FAST });
    boards.push(b);
    await b.start();
    const rows = async () =>
      (await real.database.db.select().from(usageSessions).where(eq(usageSessions.machineId, 1)).orderBy(asc(usageSessions.id))).map((r) => ({
        duration: r.durationSeconds,
        as: r.recordedAs,
      }));
    const before = await rows();
    const durations: number[] = [];
    b.on("logout", (u: { duration: number }) => durations.push(u.duration));
    await b.swipe("efbeadde"); // live, and now in the board's cache
    await b.stop();
    await b.disconnect();
    for (let use = 0; use < 2; use++) {
      expect(await b.swipe("efbeadde")).toMatchObject({ loggedIn: true, user: { offline: true } });
      await sleep(1_100); // the machine in use: two offline uses of about the same length
      await b.stop();
    }
    b.saveToFlash();
    await b.reconnect();
    const uses = [
      { duration: durations[0], as: "live" },
      { duration: durations[1], as: "replayed" },
      { duration: durations[2], as: "replayed" },
    ];
    expect((await rows()).slice(before.length)).toEqual(uses);
    await b.reboot({ clientNumber: 32 });
    await b.reboot({ clientNumber: 33 });
    expect(b.buffer.size).toBe(0);
    expect((await rows()).slice(before.length)).toEqual(uses);
  });
});
