import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cards, equipmentAuthorizations, interventions, machines, maintenancePlans, profiles, usageSessions } from "@/lib/db/schema";
import { machineHours, maintenanceStatus } from "@/lib/domain/usage/machine-hours";
import { ask, connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply } from "./testing/replies";

// Machine 2 (PRUSA MK4): Maria is a trained user of 3D printers; Tom becomes their owner below.
let f: BrokerFixture;
let printer: { id: number; equipmentTypeId: number };
let ids: { maria: number; tom: number };
const HOUR = 3_600_000;
beforeAll(async () => {
  f = await startBrokerFixture();
  const db = f.database.db;
  printer = (await db.select().from(machines).where(eq(machines.boardId, 2)))[0]!;
  const personId = async (email: string) => (await db.select().from(profiles).where(eq(profiles.email, email)))[0]!.personId;
  ids = { maria: await personId("maria@makerspace.local"), tom: await personId("trainer@makerspace.local") };
  const now = Date.now();
  await db.insert(maintenancePlans).values([
    { machineId: printer.id, everyHours: 2, lcdText: "Clean nozzle", description: "Cold pull", createdAt: new Date(now - 10 * HOUR) },
    { machineId: printer.id, everyHours: 50, lcdText: "Lube rods", createdAt: new Date(now - 10 * HOUR) },
  ]);
  // 1.5 h before the plans existed (not counted for them) and 2.5 h after.
  const session = (startH: number, hours: number) => ({
    machineId: printer.id,
    personId: ids.maria,
    cardUid: "c0000003",
    startedAt: new Date(now - startH * HOUR),
    endedAt: new Date(now - startH * HOUR + hours * HOUR),
    durationSeconds: hours * 3600,
    recordedAs: "live" as const,
    endedBecause: "stop" as const,
    lastHeartbeatAt: new Date(now - startH * HOUR + hours * HOUR),
    openedByEventAt: new Date(now - startH * HOUR),
  });
  await db.insert(usageSessions).values([session(20, 1.5), session(11, 1.5), session(5, 1.5)]);
  await f.refresh();
});
afterAll(() => f.close());

let n = 700;
const board = () => connectBoard(f.broker.port, n++).then((c) => f.track(c));
const CHECK = '{"action":"checkmachine"}';

describe("maintenance", () => {
  it("derives machine hours and hours since the plan's start from the sessions", async () => {
    expect(await machineHours(f.database.db, printer.id)).toBeCloseTo(4.5, 5);
    const status = await maintenanceStatus(f.database.db, printer.id);
    // The session that began 11 h ago counts only its last half hour: the plans were created 10 h ago.
    expect(status.map((s) => [s.plan.lcdText, Math.round(s.hoursSince * 100) / 100, s.overdue])).toEqual([
      ["Clean nozzle", 2, true],
      ["Lube rods", 2, false],
    ]);
  });

  it("flags the overdue plan to the board and answers a level-1 user valid, as the firmware expects (it refuses them itself)", async () => {
    const client = await board();
    await expectReply(
      client,
      2,
      CHECK,
      '{"request_ok":true,"is_valid":true,"maintenance":true,"allowed":true,"name":"PRUSA MK4","logoff":0,"type":1,"grace":2,"description":"Clean nozzle"}',
    );
    // The Fab-O-Matic backend answers is_valid:true; a refusal would also drop the card from the board's offline cache.
    await expectReply(
      client,
      2,
      '{"action":"checkuser","uid":"c0000003"}',
      '{"request_ok":true,"is_valid":true,"name":"Maria","missing_auth":false,"level":1}',
    );
    const [cache] = await ask(client, 2, '{"action":"synccache"}');
    expect(JSON.parse(cache!.text).cards).toContainEqual({ uid: "c0000003", level: 1 });
    await expectReply(client, 2, '{"action":"maintenance","uid":"c0000003"}', '{"request_ok":false,"message":"Not authorized"}');
    await expectReply(client, 2, '{"action":"maintenance","uid":"ffffffff"}', '{"request_ok":false,"message":"Invalid card"}');
    expect(await f.database.db.select().from(interventions)).toEqual([]);
  });

  it("lets an owner in at level 2 and records an intervention for each overdue plan, once", async () => {
    await f.database.db
      .insert(equipmentAuthorizations)
      .values({ personId: ids.tom, equipmentTypeId: printer.equipmentTypeId, level: "owner", source: "grant", reason: "test" });
    await f.refresh();
    const client = await board();
    await expectReply(client, 2, '{"action":"checkuser","uid":"b0000002"}', '{"request_ok":true,"is_valid":true,"name":"Tom","missing_auth":false,"level":2}');
    await expectReply(client, 2, '{"action":"maintenance","uid":"b0000002"}', '{"request_ok":true,"message":""}');
    const done = await f.database.db.select().from(interventions);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ machineId: printer.id, personId: ids.tom, source: "board" });
    const audit = await f.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "maintenance.intervention"), eq(auditLog.subjectPersonId, ids.tom)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();

    // Replayed from the board's queue: answered the same, recorded nothing more.
    await expectReply(client, 2, '{"action":"maintenance","uid":"b0000002","replay":true}', '{"request_ok":true,"message":""}');
    expect(await f.database.db.select().from(interventions)).toHaveLength(1);
    await expectReply(
      client,
      2,
      CHECK,
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"PRUSA MK4","logoff":0,"type":1,"grace":2,"description":""}',
    );
    await expectReply(
      client,
      2,
      '{"action":"checkuser","uid":"c0000003"}',
      '{"request_ok":true,"is_valid":true,"name":"Maria","missing_auth":false,"level":1}',
    );
  });
});

describe("synccache", () => {
  it("sends the cards that fit in 280 bytes with the topic, most recently used first", async () => {
    const db = f.database.db;
    const [ada] = await db.select().from(cards).where(eq(cards.uid, "a0000001"));
    // Twelve more cards of the administrator (allowed everywhere, never used here) and a use of Tom's an hour ago.
    await db.insert(cards).values(Array.from({ length: 12 }, (_, i) => ({ uid: `a10000${String(i + 1).padStart(2, "0")}`, personId: ada!.personId })));
    const now = Date.now();
    await db.insert(usageSessions).values({
      machineId: printer.id,
      personId: ids.tom,
      cardUid: "b0000002",
      startedAt: new Date(now - 2 * HOUR),
      endedAt: new Date(now - HOUR),
      durationSeconds: 3600,
      recordedAs: "live",
      endedBecause: "stop",
      lastHeartbeatAt: new Date(now - HOUR),
      openedByEventAt: new Date(now - 2 * HOUR),
    });
    await f.refresh();
    const [reply] = await ask(await board(), 2, '{"action":"synccache"}');
    expect(Buffer.byteLength("machine/2/reply") + Buffer.byteLength(reply!.text)).toBeLessThan(280);
    // Tom (an hour ago), Maria (3.5 h ago), then the cards never used here: higher levels first, then by uid.
    expect(JSON.parse(reply!.text)).toEqual({
      request_ok: true,
      cards: [
        { uid: "b0000002", level: 2 },
        { uid: "c0000003", level: 1 },
        ...["a0000001", "a1000001", "a1000002", "a1000003", "a1000004", "a1000005"].map((uid) => ({ uid, level: 3 })),
      ],
    });
  });
});
