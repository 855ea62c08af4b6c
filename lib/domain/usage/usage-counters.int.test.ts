import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards, interventions, machines, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { correctSession } from "../machines/correct-session";
import { closeSilentSessions } from "./close-silent-sessions";
import { machineHours, maintenanceStatus, secondsUsed } from "./machine-hours";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "./record-usage";
import { machineUsageTotals } from "./usage-counters";

let t: DemoDatabase;
let typeId: number;
let admin: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  typeId = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.equipmentTypeId;
  admin = (await t.db.select().from(cards).where(eq(cards.uid, "a0000001")))[0]!.personId;
});
afterAll(() => t.close());

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const NOW = at(1_000_000);
const MARIO = "efbeadde";
let board = 900;

async function machine() {
  const [row] = await t.db
    .insert(machines)
    .values({ name: `COUNTED ${board}`, boardId: board++, equipmentTypeId: typeId })
    .returning();
  return row!.id;
}

/** The counters against the sums over the sessions (machine-hours.ts secondsUsed, the reference rule). */
async function expectConsistent(machineId: number) {
  const totals = await machineUsageTotals(t.db, machineId, NOW);
  expect(totals.seconds).toBe(await secondsUsed(t.db, machineId, null, NOW));
  const rows = await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, machineId));
  expect(totals.sessions).toBe(rows.length);
  expect(await machineHours(t.db, machineId, NOW)).toBeCloseTo(totals.seconds / 3600, 9);
  for (const s of await maintenanceStatus(t.db, machineId, NOW)) {
    const since = s.lastDoneAt && s.lastDoneAt > s.plan.createdAt ? s.lastDoneAt : s.plan.createdAt;
    expect(s.hoursSince * 3600).toBeCloseTo(await secondsUsed(t.db, machineId, since, NOW), 3);
  }
  return totals;
}

describe("usage counters", () => {
  it("equal the sums over the sessions after start, heartbeat, stop, replays, duplicates, stale closing and corrections", async () => {
    const m = await machine();
    await t.db.insert(maintenancePlans).values({ machineId: m, everyHours: 10, lcdText: "Clean", createdAt: at(1_800) });
    const start = (s: number, replay = false) => recordUsageStart(t.db, { machineId: m, uid: MARIO, replay, receivedAt: at(s) });
    const stop = (s: number, duration: number, replay = false) => recordUsageStop(t.db, { machineId: m, uid: MARIO, duration, replay, receivedAt: at(s) });

    await start(0);
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, replay: false, receivedAt: at(30) });
    expect((await expectConsistent(m)).seconds).toBe(1_000_000); // open session counted up to NOW
    await stop(3_600, 3_600);
    expect(await expectConsistent(m)).toEqual({ seconds: 3_600, sessions: 1 });

    // Replayed start+stop of the same session (board lost the replies), applied twice: nothing added.
    for (let i = 0; i < 2; i++) {
      await start(0, true);
      await stop(3_600, 3_600, true);
    }
    expect(await expectConsistent(m)).toEqual({ seconds: 3_600, sessions: 1 });

    // A stop without a start rebuilds the session; applied again it is a duplicate.
    await stop(10_000, 600);
    await stop(10_000, 600);
    expect(await expectConsistent(m)).toEqual({ seconds: 4_200, sessions: 2 });

    // A start over an open session closes the stale one at its last heartbeat; a silent one is closed, then resumed.
    await start(20_000);
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 120, replay: false, receivedAt: at(20_120) });
    await start(21_000);
    expect((await expectConsistent(m)).sessions).toBe(4);
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 60, replay: false, receivedAt: at(21_060) });
    expect(await closeSilentSessions(t.db, at(30_000))).toBeGreaterThanOrEqual(1);
    await expectConsistent(m);
    await stop(30_100, 9_100); // the board was only offline: the stale session is completed
    expect(await expectConsistent(m)).toEqual({ seconds: 4_200 + 120 + 9_100, sessions: 4 });

    // A correction moves a session's start and duration.
    const [first] = await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m)).orderBy(usageSessions.startedAt).limit(1);
    expect(await correctSession(t.db, admin, { sessionId: first!.id, startedAt: at(0), durationMinutes: 90, reason: "left logged in" })).toEqual({ ok: true });
    expect((await expectConsistent(m)).seconds).toBe(5_400 + 600 + 120 + 9_100);
  });

  it("follow interventions, deleted sessions, and a rebuild after loading rows", async () => {
    const m = await machine();
    const [plan] = await t.db
      .insert(maintenancePlans)
      .values({ machineId: m, everyHours: 1, lcdText: "Oil", createdAt: at(0) })
      .returning();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 7_200, replay: false, receivedAt: at(7_200) });
    expect((await maintenanceStatus(t.db, m, NOW))[0]).toMatchObject({ hoursSince: 2, overdue: true });
    // Done half-way through the session: only its second hour counts; moved or removed, hours follow.
    const [done] = await t.db
      .insert(interventions)
      .values({ planId: plan!.id, machineId: m, doneAt: at(3_600), source: "manual" })
      .returning();
    expect((await maintenanceStatus(t.db, m, NOW))[0]).toMatchObject({ hoursSince: 1, overdue: true });
    await t.db
      .update(interventions)
      .set({ doneAt: at(5_400) })
      .where(eq(interventions.id, done!.id));
    expect((await maintenanceStatus(t.db, m, NOW))[0]).toMatchObject({ hoursSince: 0.5, overdue: false });
    await expectConsistent(m);
    await t.db.delete(interventions).where(eq(interventions.id, done!.id));
    expect((await maintenanceStatus(t.db, m, NOW))[0]!.hoursSince).toBe(2);

    await t.db.delete(usageSessions).where(eq(usageSessions.machineId, m));
    expect(await expectConsistent(m)).toEqual({ seconds: 0, sessions: 0 });

    // Rows loaded behind the triggers' back (a restore without triggers) are counted once by the rebuild.
    await t.db.execute(sql`delete from machine_usage_counters`);
    await t.db.execute(sql`select ms_usage_counters_rebuild()`);
    for (const id of (await t.db.select({ id: machines.id }).from(machines)).map((r) => r.id)) await expectConsistent(id);
  });
});
