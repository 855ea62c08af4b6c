import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards, machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { recordUsageStart, recordUsageStop } from "../usage/record-usage";
import { personHoursByMachine, personUsagePage } from "./person-usage";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

const T0 = new Date("2026-03-02T10:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe("a member's own usage", () => {
  it("totals hours per machine, counts an open session up to now, and lists only the person's sessions", async () => {
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const [printer] = await t.db.select().from(machines).where(eq(machines.boardId, 2));
    const mario = (await t.db.select().from(cards).where(eq(cards.uid, "efbeadde")))[0]!.personId;
    await recordUsageStart(t.db, { machineId: laser!.id, uid: "efbeadde", replay: false, receivedAt: at(0) });
    await recordUsageStop(t.db, { machineId: laser!.id, uid: "efbeadde", duration: 5400, replay: false, receivedAt: at(5400) });
    await recordUsageStart(t.db, { machineId: laser!.id, uid: "b0000002", replay: false, receivedAt: at(6000) });
    await recordUsageStop(t.db, { machineId: laser!.id, uid: "b0000002", duration: 600, replay: false, receivedAt: at(6600) });
    await recordUsageStart(t.db, { machineId: printer!.id, uid: "efbeadde", replay: false, receivedAt: at(7200) });

    const totals = await personHoursByMachine(t.db, mario, at(7200 + 1800));
    expect(totals.map((x) => [x.machineName, x.hours, x.sessions])).toEqual([
      ["LASER 1", 1.5, 1],
      ["PRUSA MK4", 0.5, 1],
    ]);
    const page = await personUsagePage(t.db, mario);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.machineName)).toEqual(["PRUSA MK4", "LASER 1"]);
  });
});
