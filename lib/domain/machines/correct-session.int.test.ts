import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cards, machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { correctSession } from "./correct-session";
import { usageTotals } from "./usage-report";
import { BOARD_VIEWER } from "../people/testing/viewers";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

describe("correcting a session", () => {
  it("changes start and duration, marks it manual, audits the old values; members and open sessions are refused", async () => {
    const holder = async (uid: string) => (await t.db.select().from(cards).where(eq(cards.uid, uid)))[0]!.personId;
    const [admin, mario] = [await holder("a0000001"), await holder("efbeadde")];
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const s0 = new Date("2026-03-02T10:00:00Z");
    const [closed] = await t.db
      .insert(usageSessions)
      .values({
        machineId: laser!.id,
        personId: mario,
        cardUid: "efbeadde",
        startedAt: s0,
        endedAt: new Date(s0.getTime() + 10 * 3600_000),
        durationSeconds: 36_000,
        recordedAs: "live",
        endedBecause: "stale",
        lastHeartbeatAt: s0,
        openedByEventAt: s0,
      })
      .returning();
    const [open] = await t.db
      .insert(usageSessions)
      .values({
        machineId: laser!.id,
        personId: mario,
        cardUid: "efbeadde",
        startedAt: new Date(),
        recordedAs: "live",
        lastHeartbeatAt: new Date(),
        openedByEventAt: new Date(),
      })
      .returning();

    expect(await correctSession(t.db, mario, { sessionId: closed!.id, startedAt: s0, durationMinutes: 90, reason: "forgot to log out" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await correctSession(t.db, admin, { sessionId: closed!.id, startedAt: s0, durationMinutes: 90, reason: "" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await correctSession(t.db, admin, { sessionId: open!.id, startedAt: s0, durationMinutes: 90, reason: "forgot to log out" })).toMatchObject({
      ok: false,
      code: "open",
    });
    expect(await correctSession(t.db, admin, { sessionId: closed!.id, startedAt: s0, durationMinutes: 90, reason: "forgot to log out" })).toEqual({ ok: true });

    const [after] = await t.db.select().from(usageSessions).where(eq(usageSessions.id, closed!.id));
    expect(after).toMatchObject({ durationSeconds: 5400, recordedAs: "manual", endedAt: new Date(s0.getTime() + 5400_000) });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "usage.correct"));
    expect(entry!.before).toMatchObject({ durationSeconds: 36_000, recordedAs: "live" });
    expect((await usageTotals(t.db, BOARD_VIEWER, { machineId: laser!.id, to: new Date("2026-03-03T00:00:00Z") })).hours).toBe(1.5);
  });
});
