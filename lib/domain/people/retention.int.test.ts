import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, interventions, machines, unknownCards, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { machineUsagePage } from "../machines/machine-operations";
import { listUsage, usageTotals } from "../machines/usage-report";
import { secondsUsed } from "../usage/machine-hours";
import { runPurge } from "./retention";
import { BOARD_VIEWER } from "./testing/viewers";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(async () => t?.close());

const NOW = new Date("2026-11-27T03:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe("retention purge", () => {
  it("anonymises usage past the retention, keeps machine hours, and deletes unknown cards older than 30 days", async () => {
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const [mario] = await t.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
    const session = (start: Date, hours: number) => ({
      machineId: laser!.id,
      personId: mario!.personId,
      cardUid: "efbeadde",
      startedAt: start,
      endedAt: new Date(start.getTime() + hours * 3_600_000),
      durationSeconds: hours * 3600,
      recordedAs: "live" as const,
      lastHeartbeatAt: start,
      openedByEventAt: start,
    });
    await t.db.insert(usageSessions).values([session(daysAgo(400), 2), session(daysAgo(366), 1), session(daysAgo(10), 4)]);
    await t.db.insert(unknownCards).values([
      { uid: "abcdef01", machineId: laser!.id, seenAt: daysAgo(31) },
      { uid: "abcdef02", machineId: laser!.id, seenAt: daysAgo(29) },
    ]);
    const done = (d: number) => ({ machineId: laser!.id, personId: mario!.personId, doneAt: daysAgo(d), source: "manual" as const, notes: "belt changed" });
    await t.db.insert(interventions).values([done(400), done(10)]);
    const hoursBefore = await secondsUsed(t.db, laser!.id, null, NOW);

    expect(await runPurge(t.db, { usageAfterDays: 365, now: NOW })).toEqual({ unknownCardsDeleted: 1, usage: { anonymised: 2 }, interventionsAnonymised: 1 });
    // Repeating the run the same day changes nothing.
    expect(await runPurge(t.db, { usageAfterDays: 365, now: NOW })).toEqual({ unknownCardsDeleted: 0, usage: { anonymised: 0 }, interventionsAnonymised: 0 });
    // Who maintained the machine is forgotten like who used it; the work and its date stay.
    const work = await t.db.select().from(interventions).orderBy(interventions.doneAt);
    expect(work.map((w) => [w.personId, w.notes])).toEqual([
      [null, "belt changed"],
      [mario!.personId, "belt changed"],
    ]);

    const rows = await t.db.select().from(usageSessions).orderBy(usageSessions.startedAt);
    expect(rows.map((r) => [r.personId, r.cardUid, r.durationSeconds])).toEqual([
      [null, "00000000", 7200],
      [null, "00000000", 3600],
      [mario!.personId, "efbeadde", 14400],
    ]);
    expect(await secondsUsed(t.db, laser!.id, null, NOW)).toBe(hoursBefore);
    expect((await t.db.select().from(unknownCards)).map((c) => c.uid)).toEqual(["abcdef02"]);

    // The readers cope with sessions that have no person: usage list, totals (export), machine page.
    expect((await listUsage(t.db, BOARD_VIEWER, {})).map((r) => r.personName)).toEqual(["Mario Rossi", "—", "—"]);
    const totals = await usageTotals(t.db, BOARD_VIEWER, {});
    expect(totals.hours).toBe(7);
    expect(totals.byPerson.map((p) => [p.personId, p.hours])).toEqual(
      expect.arrayContaining([
        [null, 3],
        [mario!.personId, 4],
      ]),
    );
    const page = await machineUsagePage(t.db, BOARD_VIEWER, laser!.id);
    expect(page.rows.map((r) => r.personId)).toEqual([mario!.personId, null, null]);
  });
});
