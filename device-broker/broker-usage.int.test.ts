import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  boardPairingRequests,
  boards,
  cards,
  equipmentAuthorizations,
  machines,
  people,
  profiles,
  unknownCards,
  usageSessions,
} from "@/lib/db/schema";
import { openPairingWindow } from "@/lib/domain/usage/board-pairing";
import { closeSilentSessions } from "@/lib/domain/usage/close-silent-sessions";
import { announce, ask, connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply, waitFor } from "./testing/replies";

let f: BrokerFixture;
let ids: { laser: number; cnc: number; mario: number; maria: number };
beforeAll(async () => {
  f = await startBrokerFixture();
  const db = f.database.db;
  const machineId = async (boardId: number) => (await db.select().from(machines).where(eq(machines.boardId, boardId)))[0]!;
  const personId = async (email: string) => (await db.select().from(profiles).where(eq(profiles.email, email)))[0]!.personId;
  const laser = await machineId(1);
  const cnc = await machineId(3);
  ids = { laser: laser.id, cnc: cnc.id, mario: await personId("member@makerspace.local"), maria: await personId("maria@makerspace.local") };
  // A lost card of Mario's, and Maria's CNC authorization that ran out last month.
  await db.insert(cards).values({ uid: "e0000005", personId: ids.mario, state: "lost" });
  const lastMonth = new Date(Date.now() - 30 * 86_400_000);
  await db.insert(equipmentAuthorizations).values({
    personId: ids.maria,
    equipmentTypeId: cnc.equipmentTypeId,
    level: "user",
    source: "grant",
    grantedAt: new Date(Date.now() - 400 * 86_400_000),
    expiresAt: lastMonth,
  });
  await f.refresh();
});
afterAll(() => f.close());

let n = 400;
const board = () => connectBoard(f.broker.port, n++).then((c) => f.track(c));
const sessionsOn = (machineId: number, uid: string) =>
  f.database.db
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid)))
    .orderBy(asc(usageSessions.id));

describe("checkuser: every decision as the board sees it", () => {
  it.each([
    ["trained user", 1, "efbeadde", '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}'],
    ["uppercase uid is the same card", 1, "EFBEADDE", '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}'],
    ["owner", 1, "b0000002", '{"request_ok":true,"is_valid":true,"name":"Tom","missing_auth":false,"level":2}'],
    ["administrator", 1, "a0000001", '{"request_ok":true,"is_valid":true,"name":"Ada","missing_auth":false,"level":3}'],
    ["unknown card", 1, "ffffffff", '{"request_ok":true,"is_valid":false,"name":"Unknown","missing_auth":false,"level":0}'],
    ["lost card", 1, "e0000005", '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}'],
    ["never trained", 1, "c0000003", '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}'],
    ["status forbids machines", 1, "d0000004", '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}'],
    ["authorization expired", 3, "c0000003", '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}'],
    ["unknown machine", 4242, "efbeadde", '{"request_ok":false,"message":"Invalid machine ID"}'],
  ])("%s", async (_reason, boardId, uid, expected) => {
    await expectReply(await board(), boardId, { action: "checkuser", uid }, expected);
  });

  it("logs an unknown card's swipe with machine and time", async () => {
    const before = new Date();
    await expectReply(
      await board(),
      1,
      { action: "checkuser", uid: "12345678" },
      '{"request_ok":true,"is_valid":false,"name":"Unknown","missing_auth":false,"level":0}',
    );
    // The swipe is telemetry, written beside the answer (awaited only briefly without a spool): await the row.
    const rows = await waitFor("the swipe logged", async () => {
      const found = await f.database.db.select().from(unknownCards).where(eq(unknownCards.uid, "12345678"));
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.machineId).toBe(ids.laser);
    expect(rows[0]!.seenAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("cuts a long first name to one LCD row", async () => {
    await f.database.db.update(profiles).set({ firstName: "Maximilianus-Alexander" }).where(eq(profiles.personId, ids.mario));
    await f.refresh();
    await expectReply(
      await board(),
      1,
      { action: "checkuser", uid: "efbeadde" },
      '{"request_ok":true,"is_valid":true,"name":"Maximilianus-Ale","missing_auth":false,"level":1}',
    );
    await f.database.db.update(profiles).set({ firstName: "Mario" }).where(eq(profiles.personId, ids.mario));
    await f.refresh();
  });

  it("refuses a blocked machine's cards, even an administrator's", async () => {
    await f.database.db.update(machines).set({ blocked: true }).where(eq(machines.id, ids.cnc));
    await f.refresh();
    await expectReply(
      await board(),
      3,
      { action: "checkuser", uid: "a0000001" },
      '{"request_ok":true,"is_valid":false,"name":"Not authorized","missing_auth":true,"level":0}',
    );
    await f.database.db.update(machines).set({ blocked: false }).where(eq(machines.id, ids.cnc));
    await f.refresh();
  });
});

describe("startuse / inuse / stopuse", () => {
  it("answers each with the protocol's reply and records one live session", async () => {
    const client = await board();
    await expectReply(client, 1, '{"action":"startuse","uid":"efbeadde"}', '{"request_ok":true,"message":""}');
    await expectReply(client, 1, '{"action":"inuse","uid":"efbeadde","duration":95}', '{"request_ok":true,"message":"inUse"}');
    await expectReply(client, 1, '{"action":"stopuse","uid":"efbeadde","duration":3605}', '{"request_ok":true,"message":"Duration 3605 seconds"}');
    const rows = await sessionsOn(ids.laser, "efbeadde");
    expect(rows.at(-1)).toMatchObject({ personId: ids.mario, durationSeconds: 3605, recordedAs: "live", endedBecause: "stop", heartbeats: 1 });
  });

  it("answers an unknown card with Invalid card and records nothing", async () => {
    const client = await board();
    for (const action of [
      '{"action":"startuse","uid":"ffffffff"}',
      '{"action":"inuse","uid":"ffffffff","duration":5}',
      '{"action":"stopuse","uid":"ffffffff","duration":5}',
    ]) {
      await expectReply(client, 1, action, '{"request_ok":false,"message":"Invalid card"}');
    }
    expect(await sessionsOn(ids.laser, "ffffffff")).toEqual([]);
  });

  it("answers a replay like a live message and records it once, however often it comes", async () => {
    const client = await board();
    for (let i = 0; i < 2; i++) {
      // The board sends its queue again only after reconnecting (alive); within one connection, a second
      // start/stop pair is a second use (broker-replay.int.test.ts).
      await announce(client, 3);
      await expectReply(client, 3, '{"action":"startuse","uid":"a0000001","replay":true}', '{"request_ok":true,"message":""}');
      await expectReply(
        client,
        3,
        '{"action":"stopuse","uid":"a0000001","duration":1800,"replay":true}',
        '{"request_ok":true,"message":"Duration 1800 seconds"}',
      );
    }
    const rows = await sessionsOn(ids.cnc, "a0000001");
    expect(rows.map((r) => [r.durationSeconds, r.recordedAs])).toEqual([[1800, "replayed"]]);
  });

  it("reconstructs a session from a stop without start, starting duration seconds before it arrived", async () => {
    const client = await board();
    const before = Date.now();
    await expectReply(client, 3, '{"action":"stopuse","uid":"b0000002","duration":600}', '{"request_ok":true,"message":"Duration 600 seconds"}');
    const after = Date.now();
    const [s] = await sessionsOn(ids.cnc, "b0000002");
    expect(s).toMatchObject({ recordedAs: "reconstructed", durationSeconds: 600 });
    expect(s!.startedAt.getTime()).toBeGreaterThanOrEqual(before - 600_000);
    expect(s!.startedAt.getTime()).toBeLessThanOrEqual(after - 600_000);
    expect(s!.endedAt!.getTime() - s!.startedAt.getTime()).toBe(600_000);
  });

  it("closes the stale session when a startuse arrives over it", async () => {
    const client = await board();
    await expectReply(client, 2, '{"action":"startuse","uid":"c0000003"}', '{"request_ok":true,"message":""}');
    await expectReply(client, 2, '{"action":"startuse","uid":"a0000001"}', '{"request_ok":true,"message":""}');
    const [old] = await sessionsOn((await f.database.db.select().from(machines).where(eq(machines.boardId, 2)))[0]!.id, "c0000003");
    expect(old).toMatchObject({ endedBecause: "superseded" });
    expect(old!.endedAt).not.toBeNull();
  });

  it("closes a session silent for over an hour (the broker's minute job)", async () => {
    const client = await board();
    await expectReply(client, 1, '{"action":"startuse","uid":"b0000002"}', '{"request_ok":true,"message":""}');
    expect(await closeSilentSessions(f.database.db, new Date(Date.now() + 2 * 3_600_000))).toBeGreaterThanOrEqual(1);
    const open = await f.database.db
      .select()
      .from(usageSessions)
      .where(and(eq(usageSessions.machineId, ids.laser), eq(usageSessions.cardUid, "b0000002")));
    expect(open.map((s) => s.endedBecause)).toEqual(["stale"]);
  });
});

describe("synccache", () => {
  it("lists the cards allowed on the machine with their levels", async () => {
    const replies = await ask(await board(), 1, '{"action":"synccache"}');
    expect(replies).toHaveLength(1);
    // Most recently used first (broker-maintenance.int.test.ts): here only which cards, in uid order.
    const listed = (JSON.parse(replies[0]!.text) as { cards: { uid: string }[] }).cards;
    expect(listed.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual([
      { uid: "a0000001", level: 3 },
      { uid: "b0000002", level: 2 },
      { uid: "efbeadde", level: 1 },
    ]);
    // Nobody who may not use the machine is in the list.
    const [andy] = await f.database.db.select().from(people).innerJoin(cards, eq(cards.personId, people.id)).where(eq(cards.uid, "d0000004"));
    expect(andy).toBeDefined();
  });
});

describe("alive", () => {
  it("records the paired board's details without a reply, once per board, and audits a new board on the machine", async () => {
    await openPairingWindow(f.database.db, ids.laser); // swap the board: the next one heard is paired
    await f.refresh();
    const client = await board();
    const alive = { action: "alive", version: "esp32,v1.2.0", ip: "192.168.1.57", serial: "a0b1c2d3e4f5", heap: "183452" };
    expect(await ask(client, 1, JSON.stringify(alive), 0)).toEqual([]);
    // Telemetry is written at most once per machine at a time (a second alive while the first is written is skipped,
    // unspooled-writes.ts), and the broker answers after 300 ms whether written or not: wait for the first.
    await waitFor("first alive recorded", async () =>
      (await f.database.db.select().from(boards).where(eq(boards.machineId, ids.laser))).some((b) => b.heap === 183452),
    );
    expect(await ask(client, 1, JSON.stringify({ ...alive, heap: "150000" }), 0)).toEqual([]);
    await waitFor("heap updated", async () =>
      (await f.database.db.select().from(boards).where(eq(boards.machineId, ids.laser))).some((b) => b.heap === 150000),
    );
    const rows = await f.database.db
      .select()
      .from(boards)
      .where(and(eq(boards.machineId, ids.laser), eq(boards.serialKey, "a0b1c2d3e4f5")));
    expect(rows).toMatchObject([{ clientId: `BOARD${n - 1}`, firmwareVersion: "esp32,v1.2.0", ip: "192.168.1.57", serial: "a0b1c2d3e4f5", heap: 150000 }]);
    const audit = await f.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "board.first_seen"), eq(auditLog.entityId, String(ids.laser))));
    expect(audit.filter((a) => (a.after as { serial?: string }).serial === "a0b1c2d3e4f5")).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();
    // Another board (old firmware without serial and heap) is not the paired one: a pairing request, not telemetry.
    expect(await ask(await board(), 1, '{"action":"alive","version":"old"}', 0)).toEqual([]);
    await waitFor(
      "pairing request",
      async () => (await f.database.db.select().from(boardPairingRequests).where(eq(boardPairingRequests.machineId, ids.laser))).length === 1,
    );
    expect(
      await f.database.db
        .select()
        .from(boards)
        .where(and(eq(boards.machineId, ids.laser), eq(boards.serialKey, ""))),
    ).toEqual([]);
  });
});
