import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards, machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { addManualIntervention, deletePlan, plansOfMachine, savePlan } from "./maintenance-plans";
import { planHours } from "./plan-hours";

let t: DemoDatabase;
let admin: number;
let mario: number;
let laser: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  admin = (await t.db.select().from(cards).where(eq(cards.uid, "a0000001")))[0]!.personId;
  mario = (await t.db.select().from(cards).where(eq(cards.uid, "efbeadde")))[0]!.personId;
  laser = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
});
afterAll(() => t.close());

describe("maintenance plans", () => {
  it("creates, updates and deletes a plan; refuses long LCD text, bad links and members", async () => {
    expect(await savePlan(t.db, admin, { machineId: laser, plan: { everyHours: 50, lcdText: "Clean the lens now!" } })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await savePlan(t.db, admin, { machineId: laser, plan: { everyHours: 50, lcdText: "Clean lens", instructionsUrl: "javascript:alert(1)" } }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await savePlan(t.db, mario, { machineId: laser, plan: { everyHours: 50, lcdText: "Clean lens" } })).toMatchObject({ ok: false, code: "forbidden" });
    const made = await savePlan(t.db, admin, {
      machineId: laser,
      plan: { everyHours: 50, lcdText: "Clean lens", instructionsUrl: "https://wiki.example.org/lens" },
    });
    expect(made.ok).toBe(true);
    const planId = made.ok ? made.planId : 0;
    expect(await savePlan(t.db, admin, { machineId: laser, planId, plan: { everyHours: 40, lcdText: "Clean lens" } })).toEqual({ ok: true, planId });
    expect((await planHours(t.db, { machineId: laser }))[0]).toMatchObject({ planId, everyHours: 40 });
    // An edit of every field; a refused edit names the field and changes nothing.
    expect(await savePlan(t.db, admin, { machineId: laser, planId, plan: { everyHours: 0, lcdText: "Clean lens" } })).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringContaining("everyHours"),
    });
    expect(await savePlan(t.db, admin, { machineId: laser, planId, plan: { everyHours: 40, lcdText: "x", instructionsUrl: "ftp://x.org" } })).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringContaining("instructionsUrl"),
    });
    expect(await savePlan(t.db, mario, { machineId: laser, planId, plan: { everyHours: 40, lcdText: "Mario" } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await savePlan(t.db, admin, {
        machineId: laser,
        planId,
        plan: { everyHours: 45, lcdText: "Lens+mirrors", description: "Wipe with alcohol", instructionsUrl: "http://wiki.example.org/l" },
      }),
    ).toEqual({ ok: true, planId });
    expect(await plansOfMachine(t.db, laser)).toEqual([
      expect.objectContaining({
        id: planId,
        everyHours: 45,
        lcdText: "Lens+mirrors",
        description: "Wipe with alcohol",
        instructionsUrl: "http://wiki.example.org/l",
      }),
    ]);
    expect(await addManualIntervention(t.db, admin, { planId, doneAt: new Date(), notes: "done by hand" })).toMatchObject({ ok: true });
    expect(await deletePlan(t.db, admin, { planId })).toEqual({ ok: true });
    expect(await deletePlan(t.db, admin, { planId })).toMatchObject({ ok: false, code: "not_found" });
  });
});
