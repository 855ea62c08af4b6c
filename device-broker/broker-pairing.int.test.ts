import { and, eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, boardPairingRequests, boardPairings, boards, machines, profiles, usageSessions } from "@/lib/db/schema";
import { approvePairingRequest, closePairingWindow, refusePairingRequest, reopenPairingWindow } from "@/lib/domain/usage/board-pairing-admin";
import { announce, ask, connectBoard, listen } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply, publishRefused, subscribeRefused, waitFor } from "./testing/replies";

// Issue 13, boards: anyone on the Wi-Fi can connect; only the machine's paired board gets access decisions.
const MARIO = '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}';
const UNKNOWN = '{"request_ok":true,"is_valid":false,"name":"Unknown","missing_auth":false,"level":0}';
const LASER = '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"LASER 1","logoff":480,"type":2,"grace":2,"description":""}';
const CHECKUSER = '{"action":"checkuser","uid":"efbeadde"}';

let f: BrokerFixture;
let adminId: number;
let memberId: number;
const machineId: Record<number, number> = {};
beforeAll(async () => {
  f = await startBrokerFixture();
  const db = f.database.db;
  const person = async (email: string) => (await db.select().from(profiles).where(eq(profiles.email, email)))[0]!.personId;
  adminId = await person("admin@makerspace.local");
  memberId = await person("member@makerspace.local");
  for (const m of await db.select().from(machines)) if (m.boardId !== null) machineId[m.boardId] = m.id;
});
afterAll(() => f.close());

let n = 100;
/** A device on the space's Wi-Fi: its own address, a serial of its own. */
const device = (from: string, serial: string, clientId: number | string = n++) =>
  connectBoard(f.broker.port, clientId, undefined, { from, identity: { serial, ip: from } }).then((c) => f.track(c));
const pairingOf = async (boardId: number) => (await f.database.db.select().from(boardPairings).where(eq(boardPairings.machineId, machineId[boardId]!)))[0];
const requestsOf = (boardId: number) => f.database.db.select().from(boardPairingRequests).where(eq(boardPairingRequests.machineId, machineId[boardId]!));
const closed = (client: MqttClient) => new Promise<void>((resolve) => (client.connected ? client.once("close", () => resolve()) : resolve()));

describe("board pairing", () => {
  let laserBoard: MqttClient;

  it("pairs the first board heard in a new machine's pairing window, automatically", async () => {
    laserBoard = await device("127.0.0.2", "a0b1c2d3e4f5");
    await expectReply(laserBoard, 1, CHECKUSER, MARIO);
    await waitFor("the pairing saved", async () => (await pairingOf(1))?.identityKey === "serial:a0b1c2d3e4f5");
    expect(await pairingOf(1)).toMatchObject({ serial: "a0b1c2d3e4f5", remoteAddress: "127.0.0.2", pairedById: null, windowOpenedAt: null });
    const [entry] = await f.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "board.paired"), eq(auditLog.entityId, String(machineId[1]))));
    expect(entry!.after).toMatchObject({ serial: "a0b1c2d3e4f5", remoteAddress: "127.0.0.2", how: "pairing window" });
  });

  it("survives a reboot: a new random client id, the same serial from the same address", async () => {
    await laserBoard.endAsync(true);
    laserBoard = await device("127.0.0.2", "a0b1c2d3e4f5", 777);
    await expectReply(laserBoard, 1, CHECKUSER, MARIO);
  });

  it("refuses the card oracle: nobody else may subscribe to the paired machine's replies or commands", async () => {
    const laptop = await device("127.0.0.66", "badc0ffee000");
    expect(await subscribeRefused(laptop, "machine/1/reply")).toBe(true);
    expect(await subscribeRefused(laptop, "machine/1/request")).toBe(true);
    for (const topic of ["#", "machine/+/reply", "machine/#"]) expect(await subscribeRefused(laptop, topic), topic).toBe(true);
    // Even a connection that may subscribe (from the board's own address) hears none of the board's answers.
    const sameAddress = await device("127.0.0.2", "not-the-board");
    const overheard = await listen(sameAddress, "machine/1/reply");
    await expectReply(laserBoard, 1, CHECKUSER, MARIO);
    // A round trip on the listener's own connection after the answer: a copy forwarded to it would have been
    // written to its socket before this SUBACK, so it would be here by now.
    await sameAddress.subscribeAsync("machine/1/reply", { qos: 0 });
    expect(overheard).toEqual([]);
  });

  it("makes the reply race impossible: a forged checkuser is refused and the board gets only its own answer", async () => {
    const laptop = await device("127.0.0.66", "badc0ffee000");
    const [refused, replies] = await Promise.all([
      publishRefused(laptop, "machine/1", CHECKUSER),
      ask(laserBoard, 1, '{"action":"checkuser","uid":"0badcafe"}'),
    ]);
    expect(refused).toBeUndefined();
    expect(replies.map((r) => r.text)).toEqual([UNKNOWN]);
    // The same from the board's own address but not the board (another serial): refused as well.
    await publishRefused(await device("127.0.0.2", "not-the-board"), "machine/1", CHECKUSER);
  });

  it("refuses forged usage, maintenance and alive from a connection that is not the paired board", async () => {
    for (const forged of [
      '{"action":"stopuse","uid":"efbeadde","duration":36000}',
      '{"action":"inuse","uid":"efbeadde","duration":36000}',
      '{"action":"startuse","uid":"efbeadde","replay":true}',
      '{"action":"maintenance","uid":"a0000001"}',
    ]) {
      await publishRefused(await device("127.0.0.66", "a0b1c2d3e4f5"), "machine/1", forged);
    }
    // An alive claiming the paired board's serial from elsewhere is a pairing request, not the board's telemetry.
    const impostor = await device("127.0.0.66", "a0b1c2d3e4f5");
    await impostor.publishAsync("machine/1", JSON.stringify({ action: "alive", version: "evil", ip: "127.0.0.2", serial: "a0b1c2d3e4f5" }));
    await waitFor("the impostor's request", async () => (await requestsOf(1)).some((r) => r.remoteAddress === "127.0.0.66"));
    const sessions = await f.database.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId[1]!));
    expect(sessions).toEqual([]);
    const telemetry = await f.database.db.select().from(boards).where(eq(boards.machineId, machineId[1]!));
    expect(telemetry.map((b) => b.firmwareVersion)).not.toContain("evil");
    expect(f.broker.metrics.refusedUnpaired).toBeGreaterThan(0);
  });

  it("does not let a connection with the paired board's client id disconnect it", async () => {
    let dropped = false;
    laserBoard.once("close", () => (dropped = true));
    const squatter = await device("127.0.0.66", "badc0ffee000", 777);
    await publishRefused(squatter, "machine/1", CHECKUSER);
    await expectReply(laserBoard, 1, CHECKUSER, MARIO);
    expect(dropped).toBe(false);
    expect(laserBoard.connected).toBe(true);
  });

  it("answers an unpaired board's checkmachine but gives it no access decision, and lists it for an admin", async () => {
    expect(await closePairingWindow(f.database.db, adminId, { machineId: machineId[3]! })).toMatchObject({ ok: true });
    await f.refresh();
    const cnc = await device("127.0.0.3", "c0c0c0c0c0c0");
    expect((await ask(cnc, 3, '{"action":"checkmachine"}')).map((r) => r.text)).toEqual([expect.stringContaining('"name":"CNC ROUTER"')]);
    await publishRefused(cnc, "machine/3", '{"action":"checkuser","uid":"a0000001"}');
    await waitFor("the request", async () => (await requestsOf(3)).length === 1);
    expect((await requestsOf(3))[0]).toMatchObject({ serial: "c0c0c0c0c0c0", remoteAddress: "127.0.0.3", status: "pending" });
    expect(await pairingOf(3)).toMatchObject({ identityKey: null, windowOpenedAt: null });
  });

  it("pairs a board an admin approves (nobody else may), and refuses the one an admin refuses", async () => {
    const [request] = await requestsOf(3);
    expect(await approvePairingRequest(f.database.db, memberId, { requestId: request!.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await approvePairingRequest(f.database.db, adminId, { requestId: request!.id })).toMatchObject({ ok: true });
    // Decided already: the request is gone, said as such (not "this machine does not exist").
    expect(await approvePairingRequest(f.database.db, adminId, { requestId: request!.id })).toMatchObject({ ok: false, code: "request_gone" });
    await f.refresh();
    const cnc = await device("127.0.0.3", "c0c0c0c0c0c0");
    await expectReply(cnc, 3, '{"action":"checkuser","uid":"a0000001"}', '{"request_ok":true,"is_valid":true,"name":"Ada","missing_auth":false,"level":3}');

    const other = await device("127.0.0.4", "d0d0d0d0d0d0");
    expect(await subscribeRefused(other, "machine/3/reply")).toBe(true);
    await announce(other, 3);
    await waitFor("its request", async () => (await requestsOf(3)).some((r) => r.serial === "d0d0d0d0d0d0"));
    const mine = (await requestsOf(3)).find((r) => r.serial === "d0d0d0d0d0d0")!;
    expect(await refusePairingRequest(f.database.db, adminId, { requestId: mine.id })).toMatchObject({ ok: true });
    expect((await requestsOf(3)).find((r) => r.id === mine.id)).toMatchObject({ status: "refused", decidedById: adminId });
    await publishRefused(other, "machine/3", '{"action":"checkuser","uid":"a0000001"}');
  });

  it("makes a board whose subscriptions were refused reconnect once an admin pairs it; the old board is out", async () => {
    const replacement = await device("127.0.0.5", "e0e0e0e0e0e0");
    expect(await subscribeRefused(replacement, "machine/1/reply")).toBe(true);
    await announce(replacement, 1);
    await waitFor("its request", async () => (await requestsOf(1)).some((r) => r.serial === "e0e0e0e0e0e0"));
    const request = (await requestsOf(1)).find((r) => r.serial === "e0e0e0e0e0e0")!;
    const reconnect = closed(replacement);
    expect(await approvePairingRequest(f.database.db, adminId, { requestId: request.id })).toMatchObject({ ok: true });
    await f.refresh();
    await reconnect; // the firmware reconnects by itself and subscribes again
    const again = await device("127.0.0.5", "e0e0e0e0e0e0");
    await expectReply(again, 1, CHECKUSER, MARIO);
    await publishRefused(laserBoard, "machine/1", CHECKUSER);
  });

  it("lets an admin reopen the window to swap a board: the next board heard is paired", async () => {
    const printer = await device("127.0.0.7", "f0f0f0f0f0f0");
    await expectReply(
      printer,
      2,
      '{"action":"checkuser","uid":"c0000003"}',
      '{"request_ok":true,"is_valid":true,"name":"Maria","missing_auth":false,"level":1}',
    );
    expect(await reopenPairingWindow(f.database.db, memberId, { machineId: machineId[2]! })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await reopenPairingWindow(f.database.db, adminId, { machineId: machineId[2]!, minutes: 30 })).toMatchObject({ ok: true });
    await f.refresh();
    const swapped = await device("127.0.0.8", "0a0a0a0a0a0a");
    await expectReply(
      swapped,
      2,
      '{"action":"checkuser","uid":"c0000003"}',
      '{"request_ok":true,"is_valid":true,"name":"Maria","missing_auth":false,"level":1}',
    );
    await waitFor("the new pairing", async () => (await pairingOf(2))?.serial === "0a0a0a0a0a0a");
    await publishRefused(printer, "machine/2", '{"action":"checkuser","uid":"c0000003"}');
    // The laser's board is untouched by all this.
    expect((await ask(await device("127.0.0.5", "e0e0e0e0e0e0"), 1, '{"action":"checkmachine"}')).map((r) => r.text)).toEqual([LASER]);
  });

  it("pairs a board heard the moment after an admin opens the window, before the broker's table shows it", async () => {
    expect(await reopenPairingWindow(f.database.db, adminId, { machineId: machineId[2]!, minutes: 30 })).toMatchObject({ ok: true });
    // No refresh: the alive comes at once, while the cached table still says the window is closed.
    const swapped = await device("127.0.0.9", "0b0b0b0b0b0b");
    await announce(swapped, 2);
    await waitFor("the new pairing", async () => (await pairingOf(2))?.serial === "0b0b0b0b0b0b");
    expect((await requestsOf(2)).filter((r) => r.serial === "0b0b0b0b0b0b")).toEqual([]);
    await expectReply(
      swapped,
      2,
      '{"action":"checkuser","uid":"c0000003"}',
      '{"request_ok":true,"is_valid":true,"name":"Maria","missing_auth":false,"level":1}',
    );
  });
});

describe("a request right behind the alive that pairs the board", () => {
  /** alive and checkuser written back to back (one TCP write: Aedes hands both to its checks at once). */
  async function aliveThenCheckuser(client: MqttClient, boardId: number, serial: string) {
    const topic = `machine/${boardId}/reply`;
    const replies = await listen(client, topic);
    const alive = JSON.stringify({ action: "alive", version: "test", ip: "127.0.0.10", serial });
    const dropped = closed(client);
    client.stream.cork();
    client.publish(`machine/${boardId}`, alive, { qos: 0 });
    client.publish(`machine/${boardId}`, CHECKUSER, { qos: 0 });
    process.nextTick(() => client.stream.uncork());
    await Promise.race([
      waitFor("the checkuser's reply", async () => replies.length > 0),
      dropped.then(() => Promise.reject(new Error("connection dropped: refused"))),
    ]);
    return replies.map((r) => r.text);
  }

  for (const table of ["shows the window", "predates the window (opened a moment ago)"] as const) {
    it(`is answered, not refused, when the broker's table ${table}`, async () => {
      const boardId = table === "shows the window" ? 41 : 42;
      const [machine] = await f.database.db
        .insert(machines)
        .values({ name: `Pairing race ${boardId}`, boardId, equipmentTypeId: (await f.database.db.select().from(machines))[0]!.equipmentTypeId })
        .returning();
      await closePairingWindow(f.database.db, adminId, { machineId: machine!.id });
      await f.refresh();
      expect(await reopenPairingWindow(f.database.db, adminId, { machineId: machine!.id, minutes: 30 })).toMatchObject({ ok: true });
      if (table === "shows the window") await f.refresh();
      const board = await device("127.0.0.10", `race${boardId}`);
      expect(await aliveThenCheckuser(board, boardId, `race${boardId}`)).toEqual([MARIO]);
      expect(board.connected).toBe(true);
    });
  }
});
