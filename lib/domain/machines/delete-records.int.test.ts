import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, equipmentTypes, interventions, machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { secondsUsed } from "../usage/machine-hours";
import { deleteIntervention, deleteUsageSession } from "./delete-records";

let t: DemoDatabase;
let laser: number;
let other: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  const [type] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, "Laser cutter"));
  laser = (await t.db.select({ id: machines.id }).from(machines).where(eq(machines.equipmentTypeId, type!.id)))[0]!.id;
  other = (await t.db.select({ id: machines.id }).from(machines).where(ne(machines.equipmentTypeId, type!.id)))[0]!.id;
});
afterAll(() => t?.close());

let day = 0;
async function session(machineId: number, personId: number, open = false): Promise<number> {
  const start = new Date(Date.UTC(2026, 4, 1 + day++, 8));
  const [row] = await t.db
    .insert(usageSessions)
    .values({
      machineId,
      personId,
      cardUid: "deadbeef",
      startedAt: start,
      endedAt: open ? null : new Date(start.getTime() + 3_600_000),
      durationSeconds: open ? null : 3600,
      recordedAs: "live",
      lastHeartbeatAt: start,
      openedByEventAt: start,
    })
    .returning();
  return row!.id;
}
async function intervention(machineId: number, personId: number): Promise<number> {
  const [row] = await t.db
    .insert(interventions)
    .values({ machineId, personId, doneAt: new Date(Date.UTC(2026, 5, 1 + day++)), source: "manual", notes: "oiled" })
    .returning();
  return row!.id;
}
const exists = async (id: number) => (await t.db.select().from(usageSessions).where(eq(usageSessions.id, id))).length === 1;

describe("deleting one usage session", () => {
  it("the laser's owner deletes a member's session with a reason: audited, and the machine's hours drop", async () => {
    const id = await session(laser, t.ids.member);
    const before = await secondsUsed(t.db, laser, null, new Date("2027-01-01T00:00:00Z"));
    expect(await deleteUsageSession(t.db, t.ids.trainer, id, "")).toMatchObject({ ok: false, code: "invalid" });
    expect(await deleteUsageSession(t.db, t.ids.trainer, id, "Recorded on the wrong card")).toEqual({ ok: true });
    expect(await exists(id)).toBe(false);
    expect(await secondsUsed(t.db, laser, null, new Date("2027-01-01T00:00:00Z"))).toBe(before - 3600);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "usage.delete"), eq(auditLog.entityId, String(id))));
    expect(entry).toMatchObject({
      actorId: t.ids.trainer,
      subjectPersonId: t.ids.member,
      before: { machineId: laser, durationSeconds: 3600 },
      after: { reason: "Recorded on the wrong card" },
    });
    expect(JSON.stringify(entry)).not.toContain("deadbeef");
  });

  it("is refused: on another type's machine for the owner, to a plain member, for a running session, for someone who outranks the actor", async () => {
    const elsewhere = await session(other, t.ids.member);
    expect(await deleteUsageSession(t.db, t.ids.trainer, elsewhere, "Not mine to delete")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteUsageSession(t.db, t.ids.maria, elsewhere, "Not mine to delete")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await exists(elsewhere)).toBe(true);

    const running = await session(other, t.ids.member, true);
    expect(await deleteUsageSession(t.db, t.ids.admin, running, "Still running")).toMatchObject({ ok: false, code: "open" });
    expect(await exists(running)).toBe(true);

    // The admin holds permissions the trainer lacks: the trainer may not delete the admin's use of the laser.
    const admins = await session(laser, t.ids.admin);
    expect(await deleteUsageSession(t.db, t.ids.trainer, admins, "Cleaning up")).toMatchObject({ ok: false, code: "outranks_you" });
    expect(await exists(admins)).toBe(true);
    expect(await deleteUsageSession(t.db, t.ids.admin, 2_000_000_000, "Nothing")).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("deleting one maintenance intervention", () => {
  it("the owner deletes one on their type with a reason; refused elsewhere, without a reason and above them", async () => {
    const mine = await intervention(laser, t.ids.member);
    expect(await deleteIntervention(t.db, t.ids.trainer, mine, "no")).toMatchObject({ ok: false, code: "invalid" });
    expect(await deleteIntervention(t.db, t.ids.trainer, mine, "Entered twice")).toEqual({ ok: true });
    expect(await t.db.select().from(interventions).where(eq(interventions.id, mine))).toEqual([]);
    expect(
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.changeType, "intervention.delete"), eq(auditLog.entityId, String(mine))))
      )[0],
    ).toMatchObject({ after: { reason: "Entered twice" } });

    const elsewhere = await intervention(other, t.ids.member);
    expect(await deleteIntervention(t.db, t.ids.trainer, elsewhere, "Entered twice")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteIntervention(t.db, t.ids.maria, elsewhere, "Entered twice")).toMatchObject({ ok: false, code: "forbidden" });
    const admins = await intervention(laser, t.ids.admin);
    expect(await deleteIntervention(t.db, t.ids.trainer, admins, "Entered twice")).toMatchObject({ ok: false, code: "outranks_you" });
    expect(await deleteIntervention(t.db, t.ids.admin, elsewhere, "A person asked")).toEqual({ ok: true });
  });
});
