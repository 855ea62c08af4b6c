import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { closeSilentSessions } from "./close-silent-sessions";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "./record-usage";

let t: DemoDatabase;
let laserTypeId: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  laserTypeId = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
});
afterAll(() => t.close());

let nextBoard = 500;
async function freshMachine(): Promise<number> {
  const [row] = await t.db
    .insert(machines)
    .values({ name: `M${nextBoard}`, boardId: nextBoard++, equipmentTypeId: laserTypeId })
    .returning();
  return row!.id;
}
const sessions = (machineId: number) => t.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId)).orderBy(asc(usageSessions.id));
const T0 = new Date("2026-03-02T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const MARIO = "efbeadde";
const TOM = "b0000002";

describe("usage sessions from board events", () => {
  it("records start, heartbeats and stop as one live session with the board's duration", async () => {
    const m = await freshMachine();
    expect(await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) })).toMatchObject({ ok: true, effect: "opened" });
    expect(await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, replay: false, receivedAt: at(30) })).toMatchObject({
      effect: "heartbeat",
    });
    expect(await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 95, replay: false, receivedAt: at(95) })).toMatchObject({ effect: "closed" });
    const [s] = await sessions(m);
    expect(s).toMatchObject({ startedAt: at(0), endedAt: at(95), durationSeconds: 95, recordedAs: "live", endedBecause: "stop", heartbeats: 1 });
  });

  it("records a replayed start and stop once, however often they arrive", async () => {
    const m = await freshMachine();
    for (let i = 0; i < 2; i++) {
      await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: true, receivedAt: at(1000 + i * 10) });
      await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 3605, replay: true, receivedAt: at(1001 + i * 10) });
    }
    const rows = await sessions(m);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ durationSeconds: 3605, recordedAs: "replayed", endedAt: at(1001), startedAt: at(1001 - 3605) });
  });

  it("drops a replayed stop with no replayed start before it that repeats the live stop (its reply was lost; never adds hours)", async () => {
    const m = await freshMachine();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 600, replay: false, receivedAt: at(600) });
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: true, receivedAt: at(5000) });
    expect(await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 600, replay: true, receivedAt: at(5001) })).toMatchObject({ effect: "duplicate" });
    expect(await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 600, replay: false, receivedAt: at(600) })).toMatchObject({ effect: "duplicate" });
    expect((await sessions(m)).map((s) => s.durationSeconds)).toEqual([600]);
  });

  it("completes a live session with a replayed stop, keeping the live start", async () => {
    const m = await freshMachine();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 1200, replay: true, receivedAt: at(9000) });
    expect(await sessions(m)).toMatchObject([{ startedAt: at(0), endedAt: at(1200), durationSeconds: 1200, recordedAs: "replayed" }]);
  });

  it("reconstructs a session from a stop without start", async () => {
    const m = await freshMachine();
    expect(await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 3605, replay: false, receivedAt: at(4000) })).toMatchObject({
      effect: "reconstructed",
    });
    expect(await sessions(m)).toMatchObject([{ startedAt: at(395), endedAt: at(4000), durationSeconds: 3605, recordedAs: "reconstructed" }]);
  });

  it("reconstructs an open session from an inuse without start, then closes it", async () => {
    const m = await freshMachine();
    expect(await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 95, replay: false, receivedAt: at(100) })).toMatchObject({
      effect: "reconstructed",
    });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 200, replay: false, receivedAt: at(205) });
    expect(await sessions(m)).toMatchObject([{ startedAt: at(5), endedAt: at(205), durationSeconds: 200, recordedAs: "reconstructed" }]);
  });

  it("closes the stale session when a start arrives over it, at its last heartbeat", async () => {
    const m = await freshMachine();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) });
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 60, replay: false, receivedAt: at(60) });
    await recordUsageStart(t.db, { machineId: m, uid: TOM, replay: false, receivedAt: at(500) });
    await recordUsageStart(t.db, { machineId: m, uid: TOM, replay: false, receivedAt: at(900) }); // its stop was lost too
    expect((await sessions(m)).map((s) => [s.cardUid, s.durationSeconds, s.endedBecause])).toEqual([
      [MARIO, 60, "superseded"],
      [TOM, 0, "superseded"],
      [TOM, null, null],
    ]);
  });

  it("closes sessions silent for over an hour, and a late heartbeat reopens the same session", async () => {
    const m = await freshMachine();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) });
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, replay: false, receivedAt: at(30) });
    expect(await closeSilentSessions(t.db, at(30 + 3599))).toBe(0);
    expect(await closeSilentSessions(t.db, at(30 + 3601))).toBeGreaterThanOrEqual(1);
    expect(await sessions(m)).toMatchObject([{ endedAt: at(30), durationSeconds: 30, endedBecause: "stale" }]);
    expect(await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 4000, replay: false, receivedAt: at(4000) })).toMatchObject({
      effect: "reopened",
    });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 4100, replay: false, receivedAt: at(4100) });
    expect(await sessions(m)).toMatchObject([{ startedAt: at(0), endedAt: at(4100), durationSeconds: 4100, endedBecause: "stop" }]);
  });

  it("applies the same events twice (a spool drained again) without a change", async () => {
    const m = await freshMachine();
    const events = [
      () => recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) }),
      () => recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, replay: false, receivedAt: at(30) }),
      () => recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 50, replay: false, receivedAt: at(50) }),
    ];
    for (const apply of events) await apply();
    const once = await sessions(m);
    for (const apply of events) expect((await apply()).ok).toBe(true);
    expect(await sessions(m)).toEqual(once);
  });

  it("refuses a card nobody ever held", async () => {
    const m = await freshMachine();
    expect(await recordUsageStart(t.db, { machineId: m, uid: "ffffffff", replay: false, receivedAt: at(0) })).toEqual({ ok: false, reason: "unknown_card" });
    expect(await sessions(m)).toEqual([]);
  });

  it("keeps at most one open session per machine in the database itself", async () => {
    const m = await freshMachine();
    const open = { machineId: m, personId: 1, cardUid: MARIO, startedAt: at(0), lastHeartbeatAt: at(0), openedByEventAt: at(0), recordedAs: "manual" as const };
    await t.db.insert(usageSessions).values(open);
    await expect(t.db.insert(usageSessions).values({ ...open, openedByEventAt: at(1) })).rejects.toThrow();
  });
});
