import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, equipmentTypes, machines, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { acceptFlaggedSession, flaggedSessionsOf } from "../machines/flagged-usage";
import { deleteUsageSession } from "../machines/delete-records";
import { machineUsagePage } from "../machines/machine-operations";
import { personHoursByMachine } from "../machines/person-usage";
import { usageTotals } from "../machines/usage-report";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { MAX_SESSION_SECONDS } from "./events";
import { secondsUsed } from "./machine-hours";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "./record-usage";
import { machineUsageTotals, planCounterHours } from "./usage-counters";

/*
 * Usage sanity (issue 13): a stopuse/inuse whose duration cannot be true is recorded as reported, flagged with the
 * reason, and counts nowhere (hours, maintenance, reports) until the machine's staff or owner accepts it.
 */

let t: DemoDatabase;
let laserType: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  laserType = (await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter")))[0]!.id;
});
afterAll(() => t?.close());

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const LATER = at(10 * 24 * 3600);
const MARIO = "efbeadde";
const MARIA = "c0000003";
let board = 700;

/** A laser (the demo trainer owns its type) with a maintenance plan made before T0. */
async function laser() {
  const [m] = await t.db
    .insert(machines)
    .values({ name: `SANE ${board}`, boardId: board++, equipmentTypeId: laserType })
    .returning();
  await t.db.insert(maintenancePlans).values({ machineId: m!.id, everyHours: 100, lcdText: "Clean lens", createdAt: at(-3600) });
  return m!.id;
}
const sessions = (m: number) => t.db.select().from(usageSessions).where(eq(usageSessions.machineId, m)).orderBy(asc(usageSessions.id));
const live = { replay: false };
/** Hours as every reader sees them: the counter, the reference sum, the plan, the report and the person's page agree. */
async function counted(m: number, personId = t.ids.maria) {
  const totals = await machineUsageTotals(t.db, m, LATER);
  expect(totals.seconds).toBe(await secondsUsed(t.db, m, null, LATER));
  const [plan] = await planCounterHours(t.db, { machineId: m, now: LATER });
  // The report over everyone on the machine; the plan counts from its creation an hour before T0.
  const report = await usageTotals(t.db, { personId: t.ids.admin, permissions: new Set() }, { machineId: m });
  const mine = (await personHoursByMachine(t.db, personId, LATER)).find((r) => r.machineId === m);
  return {
    seconds: totals.seconds,
    sessions: totals.sessions,
    planSeconds: Math.round(plan!.hoursSince * 3600),
    reportSeconds: Math.round(report.hours * 3600),
    personSeconds: Math.round((mine?.hours ?? 0) * 3600),
  };
}

describe("usage sanity: implausible board reports are flagged, not trusted", () => {
  it("a forged 10-hour stop an hour after the machine was seen idle is recorded flagged and adds no hours anywhere", async () => {
    const m = await laser();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 600, ...live, receivedAt: at(600) });
    const forged = await recordUsageStop(t.db, { machineId: m, uid: MARIA, duration: 36_000, ...live, receivedAt: at(4200) });
    expect(forged).toMatchObject({ ok: true, effect: "reconstructed" });
    const rows = await sessions(m);
    expect(rows.map((r) => [r.durationSeconds, r.flaggedReason])).toEqual([
      [600, null],
      [36_000, "longer_than_since_start"],
    ]);
    expect(await counted(m)).toEqual({ seconds: 600, sessions: 1, planSeconds: 600, reportSeconds: 600, personSeconds: 0 });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "usage.flagged"), eq(auditLog.entityId, String(rows[1]!.id))));
    expect(audit).toMatchObject({ actorId: null, subjectPersonId: t.ids.maria, after: { durationSeconds: 36_000, flaggedReason: "longer_than_since_start" } });
  });

  it("a live stop longer than its own live start is flagged; the session keeps what the board said", async () => {
    const m = await laser();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(0) });
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, ...live, receivedAt: at(30) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 36_000, ...live, receivedAt: at(60) });
    expect((await sessions(m)).map((r) => [r.durationSeconds, r.recordedAs, r.flaggedReason])).toEqual([[36_000, "live", "longer_than_since_start"]]);
    expect((await counted(m, t.ids.member)).seconds).toBe(0);
  });

  it("an inuse claiming more than since the machine was idle opens a flagged session: it counts nowhere while it runs, nor after its stop", async () => {
    const m = await laser();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 300, ...live, receivedAt: at(300) });
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIA, duration: 20_000, ...live, receivedAt: at(900) });
    const open = (await sessions(m))[1]!;
    expect(open).toMatchObject({ endedAt: null, flaggedReason: "longer_than_since_start" });
    // While it runs: neither the machine's running total nor the plan counts the open flagged session.
    const running = await machineUsageTotals(t.db, m, at(1000));
    expect(running).toEqual({ seconds: 300, sessions: 1 });
    expect(Math.round((await planCounterHours(t.db, { machineId: m, now: at(1000) }))[0]!.hoursSince * 3600)).toBe(300);
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIA, duration: 20_030, ...live, receivedAt: at(930) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIA, duration: 20_040, ...live, receivedAt: at(940) });
    expect((await sessions(m))[1]).toMatchObject({ durationSeconds: 20_040, flaggedReason: "longer_than_since_start" });
    expect((await counted(m)).seconds).toBe(300);
  });

  it("believes what can be true: a normal use, a first report on a new machine, a board back from a Wi-Fi gap, an offline queue", async () => {
    const m = await laser();
    // A board heard for the first time mid-use: nothing says the machine was idle.
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 7200, ...live, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 7230, ...live, receivedAt: at(30) });
    // A live use with a few seconds of slack between the swipe and the start.
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(1000) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 3605, ...live, receivedAt: at(4600) });
    // A session closed for silence (Wi-Fi gone), then the board's inuse with the whole duration.
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(10_000) });
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 30, ...live, receivedAt: at(10_030) });
    await t.db
      .update(usageSessions)
      .set({ endedAt: at(10_030), durationSeconds: 30, endedBecause: "stale" })
      .where(and(eq(usageSessions.machineId, m), eq(usageSessions.startedAt, at(10_000))));
    await recordUsageHeartbeat(t.db, { machineId: m, uid: MARIO, duration: 9000, ...live, receivedAt: at(19_000) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 9010, ...live, receivedAt: at(19_010) });
    // The offline queue replayed right after a live stop: a replay carries no time, only the bounds apply.
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, replay: true, receivedAt: at(19_020) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 5000, replay: true, receivedAt: at(19_021) });
    const rows = await sessions(m);
    expect(rows.map((r) => r.flaggedReason)).toEqual([null, null, null, null]);
    expect((await counted(m)).seconds).toBe(7230 + 3605 + 9010 + 5000);
  });

  it("flags a replay beyond a week (recorded as a week) and a report received in the future", async () => {
    const m = await laser();
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 2 ** 31, replay: true, receivedAt: at(0) });
    const future = new Date(Date.now() + 3_600_000);
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 60, ...live, receivedAt: future });
    expect((await sessions(m)).map((r) => [r.durationSeconds, r.flaggedReason])).toEqual([
      [MAX_SESSION_SECONDS, "too_long"],
      [60, "in_the_future"],
    ]);
    expect(await machineUsageTotals(t.db, m, new Date(future.getTime() + 60_000))).toEqual({ seconds: 0, sessions: 0 });
  });
});

describe("flagged sessions on the machine's operations page", () => {
  async function forged() {
    const m = await laser();
    await recordUsageStart(t.db, { machineId: m, uid: MARIO, ...live, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIO, duration: 600, ...live, receivedAt: at(600) });
    await recordUsageStop(t.db, { machineId: m, uid: MARIA, duration: 36_000, ...live, receivedAt: at(1200) });
    return { m, id: (await sessions(m))[1]!.id };
  }

  it("lists them with the reason; the usage history counts and marks them", async () => {
    const { m, id } = await forged();
    const viewer = { personId: t.ids.trainer, permissions: new Set<never>() };
    const flagged = await flaggedSessionsOf(t.db, viewer, m);
    expect(flagged.total).toBe(1);
    expect(flagged.rows[0]).toMatchObject({ id, durationSeconds: 36_000, reason: "longer_than_since_start" });
    const page = await machineUsagePage(t.db, viewer, m);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.flaggedReason)).toEqual([null, "longer_than_since_start"]);
  });

  it("accept: refused to a member, done by the type's owner (audited), and the session counts from then on", async () => {
    const { m, id } = await forged();
    expect(await acceptFlaggedSession(t.db, t.ids.member, id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await acceptFlaggedSession(t.db, t.ids.member, 99_999_999)).toMatchObject({ ok: false, code: "not_found" });
    expect((await counted(m)).seconds).toBe(600);
    expect(await acceptFlaggedSession(t.db, t.ids.trainer, id)).toEqual({ ok: true });
    expect(await counted(m)).toEqual({ seconds: 36_600, sessions: 2, planSeconds: 5400, reportSeconds: 36_600, personSeconds: 36_000 });
    expect(await acceptFlaggedSession(t.db, t.ids.trainer, id)).toMatchObject({ ok: false, code: "not_flagged" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "usage.accept"), eq(auditLog.entityId, String(id))));
    expect(audit).toMatchObject({ actorId: t.ids.trainer, before: { flaggedReason: "longer_than_since_start" }, after: { durationSeconds: 36_000 } });
    expect((await flaggedSessionsOf(t.db, { personId: t.ids.trainer, permissions: new Set() }, m)).total).toBe(0);
  });

  it("delete: the flagged session goes with a reason; the hours never held it", async () => {
    const { m, id } = await forged();
    expect(await deleteUsageSession(t.db, t.ids.trainer, id, "Forged by a laptop on the Wi-Fi")).toEqual({ ok: true });
    expect(await sessions(m)).toHaveLength(1);
    expect((await counted(m)).seconds).toBe(600);
  });
});
