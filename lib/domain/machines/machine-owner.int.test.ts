import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentTypes, machines, usageSessions } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { setMachineBlocked } from "../equipment/machine-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { correctSession } from "./correct-session";
import { myMachines, ownsMachine } from "./machine-owner";
import { addManualIntervention, deletePlan, savePlan } from "./maintenance-plans";

let t: DemoDatabase;
let laser: { id: number; name: string };
let other: { id: number; name: string };
beforeAll(async () => {
  t = await createDemoDatabase();
  const [type] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
  laser = (await t.db.select({ id: machines.id, name: machines.name }).from(machines).where(eq(machines.equipmentTypeId, type!.id)))[0]!;
  other = (await t.db.select({ id: machines.id, name: machines.name }).from(machines).where(ne(machines.equipmentTypeId, type!.id)))[0]!;
});
afterAll(() => t?.close());

const forbidden = { ok: false, code: "forbidden" };
const plan = { everyHours: 50, description: "Clean the lens", lcdText: "Clean lens" };
async function closedSession(machineId: number): Promise<number> {
  const start = new Date("2026-05-04T08:00:00Z");
  const [row] = await t.db
    .insert(usageSessions)
    .values({
      machineId,
      personId: t.ids.member,
      cardUid: "deadbeef",
      startedAt: start,
      endedAt: new Date(start.getTime() + 600_000),
      durationSeconds: 600,
      recordedAs: "live",
      lastHeartbeatAt: start,
      openedByEventAt: start,
    })
    .returning();
  return row!.id;
}

describe("owners run the machines of their type", () => {
  it("the trainer owns the laser without any staff permission", async () => {
    const held = await permissionsOfPerson(t.db, t.ids.trainer);
    expect(held.has("machines.operate") || held.has("equipment.manage")).toBe(false);
    expect(await ownsMachine(t.db, t.ids.trainer, laser.id)).toBe(true);
    expect(await ownsMachine(t.db, t.ids.trainer, other.id)).toBe(false);
  });

  it("blocks and unblocks with a reason, edits plans, records maintenance and corrects a session on their type", async () => {
    expect(await setMachineBlocked(t.db, t.ids.trainer, { machineId: laser.id, blocked: true })).toMatchObject({ ok: false, code: "reason_required" });
    expect(await setMachineBlocked(t.db, t.ids.trainer, { machineId: laser.id, blocked: true, reason: "Lens cracked" })).toEqual({ ok: true });
    expect((await t.db.select().from(machines).where(eq(machines.id, laser.id)))[0]).toMatchObject({ blocked: true, blockedReason: "Lens cracked" });
    expect(await setMachineBlocked(t.db, t.ids.trainer, { machineId: laser.id, blocked: false })).toEqual({ ok: true });
    const saved = await savePlan(t.db, t.ids.trainer, { machineId: laser.id, plan });
    expect(saved).toMatchObject({ ok: true });
    const planId = (saved as { planId: number }).planId;
    expect(await savePlan(t.db, t.ids.trainer, { machineId: laser.id, planId, plan: { ...plan, everyHours: 40 } })).toMatchObject({ ok: true });
    expect(await addManualIntervention(t.db, t.ids.trainer, { planId, doneAt: new Date(), notes: "done" })).toMatchObject({ ok: true });
    const session = await closedSession(laser.id);
    expect(
      await correctSession(t.db, t.ids.trainer, {
        sessionId: session,
        startedAt: new Date("2026-05-04T08:00:00Z"),
        durationMinutes: 5,
        reason: "left logged in",
      }),
    ).toEqual({ ok: true });
    expect(await deletePlan(t.db, t.ids.trainer, { planId })).toEqual({ ok: true });
  });

  it("is refused on a machine of another type, and a plain member is refused everywhere", async () => {
    expect(await setMachineBlocked(t.db, t.ids.trainer, { machineId: other.id, blocked: true, reason: "No" })).toMatchObject(forbidden);
    expect(await savePlan(t.db, t.ids.trainer, { machineId: other.id, plan })).toMatchObject(forbidden);
    const staffPlan = (await savePlan(t.db, t.ids.admin, { machineId: other.id, plan })) as { planId: number };
    expect(await addManualIntervention(t.db, t.ids.trainer, { planId: staffPlan.planId, doneAt: new Date() })).toMatchObject(forbidden);
    expect(await deletePlan(t.db, t.ids.trainer, { planId: staffPlan.planId })).toMatchObject(forbidden);
    expect(
      await correctSession(t.db, t.ids.trainer, {
        sessionId: await closedSession(other.id),
        startedAt: new Date("2026-05-04T08:00:00Z"),
        durationMinutes: 5,
        reason: "not mine",
      }),
    ).toMatchObject(forbidden);
    expect(await setMachineBlocked(t.db, t.ids.maria, { machineId: laser.id, blocked: true, reason: "prank" })).toMatchObject(forbidden);
    expect(await savePlan(t.db, t.ids.member, { machineId: laser.id, plan })).toMatchObject(forbidden);
    expect((await t.db.select().from(machines).where(eq(machines.id, other.id)))[0]!.blocked).toBe(false);
  });

  it("'my machines' lists the machines of the types one owns or trains on", async () => {
    const mine = await myMachines(t.db, t.ids.trainer);
    expect(mine.map((m) => m.id)).toContain(laser.id);
    expect(mine.map((m) => m.id)).not.toContain(other.id);
    expect(mine.find((m) => m.id === laser.id)!.levels).toEqual(["owner", "trainer"]);
    expect(await myMachines(t.db, t.ids.member)).toEqual([]);
  });
});
