import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cards, machines, usageSessions } from "@/lib/db/schema";
import { acceptFlaggedSession } from "@/lib/domain/machines/flagged-usage";
import { openPairingWindow } from "@/lib/domain/usage/board-pairing";
import { MAX_SESSION_SECONDS } from "@/lib/domain/usage/events";
import { machineHours } from "@/lib/domain/usage/machine-hours";
import { connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply } from "./testing/replies";

/*
 * Usage sanity through the real broker (issue 13): a paired board (or anyone who got hold of its connection)
 * reporting a use that cannot be true gets the protocol's usual answer (the firmware would otherwise retry for
 * ever), and the session is recorded flagged, counting in no machine hours until someone accepts it.
 */

let f: BrokerFixture;
let machineId: number;
const BOARD_ID = 61;
beforeAll(async () => {
  f = await startBrokerFixture();
  const db = f.database.db;
  const [laser] = await db.select().from(machines).where(eq(machines.boardId, 1));
  const [row] = await db.insert(machines).values({ name: "SANITY", boardId: BOARD_ID, equipmentTypeId: laser!.equipmentTypeId }).returning();
  machineId = row!.id;
  await openPairingWindow(db, machineId); // the first board heard is paired, as for a new machine
  await f.refresh();
});
afterAll(() => f?.close());

const sessions = () => f.database.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId)).orderBy(asc(usageSessions.id));
const hoursNow = async () => Math.round((await machineHours(f.database.db, machineId)) * 3600);

describe("usage sanity over MQTT", () => {
  it("a forged 10-hour stopuse right after a real use is answered, recorded flagged and adds no hours", async () => {
    const board = f.track(await connectBoard(f.broker.port, 610));
    await expectReply(board, BOARD_ID, '{"action":"startuse","uid":"efbeadde"}', '{"request_ok":true,"message":""}');
    await expectReply(board, BOARD_ID, '{"action":"stopuse","uid":"efbeadde","duration":2}', '{"request_ok":true,"message":"Duration 2 seconds"}');
    const real = await hoursNow();
    expect(real).toBe(2);

    await expectReply(board, BOARD_ID, '{"action":"stopuse","uid":"c0000003","duration":36000}', '{"request_ok":true,"message":"Duration 36000 seconds"}');
    const [, forged] = await sessions();
    expect(forged).toMatchObject({ cardUid: "c0000003", durationSeconds: 36_000, recordedAs: "reconstructed", flaggedReason: "longer_than_since_start" });
    expect(await hoursNow()).toBe(real);
    const flaggedAudit = await f.database.db.select().from(auditLog).where(eq(auditLog.changeType, "usage.flagged"));
    expect(flaggedAudit.map((a) => a.entityId)).toEqual([String(forged!.id)]);
  });

  it("an inuse claiming hours on a machine just seen idle opens a flagged session that does not run up the hours", async () => {
    const board = f.track(await connectBoard(f.broker.port, 611));
    const before = await hoursNow();
    await expectReply(board, BOARD_ID, '{"action":"inuse","uid":"b0000002","duration":20000}', '{"request_ok":true,"message":"inUse"}');
    const open = (await sessions()).at(-1)!;
    expect(open).toMatchObject({ cardUid: "b0000002", endedAt: null, flaggedReason: "longer_than_since_start" });
    expect(await hoursNow()).toBe(before);
    await expectReply(board, BOARD_ID, '{"action":"stopuse","uid":"b0000002","duration":20001}', '{"request_ok":true,"message":"Duration 20001 seconds"}');
    expect((await sessions()).at(-1)).toMatchObject({ id: open.id, durationSeconds: 20_001, flaggedReason: "longer_than_since_start" });
    expect(await hoursNow()).toBe(before);
  });

  it("a replayed stop beyond a week is recorded as a week, flagged too_long; an admin's accept makes it count", async () => {
    const board = f.track(await connectBoard(f.broker.port, 612));
    const before = await hoursNow();
    await expectReply(
      board,
      BOARD_ID,
      '{"action":"stopuse","uid":"efbeadde","duration":2147483648,"replay":true}',
      '{"request_ok":true,"message":"Duration 2147483648 seconds"}',
    );
    const replayed = (await sessions()).at(-1)!;
    expect(replayed).toMatchObject({ durationSeconds: MAX_SESSION_SECONDS, recordedAs: "replayed", flaggedReason: "too_long" });
    expect(await hoursNow()).toBe(before);
    // The demo administrator (card a0000001) accepts it on the operations page.
    const [ada] = await f.database.db.select().from(cards).where(eq(cards.uid, "a0000001"));
    expect(await acceptFlaggedSession(f.database.db, ada!.personId, replayed.id)).toEqual({ ok: true });
    expect(await hoursNow()).toBe(before + MAX_SESSION_SECONDS);
  });
});
