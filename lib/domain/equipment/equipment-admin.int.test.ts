import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { demoWorld, type DemoWorld } from "../training/testing/training-fixture";
import { createEquipmentType, getEquipmentType, updateEquipmentType } from "./equipment-type-service";
import { createMachine, getMachine, setMachineBlocked, updateMachine } from "./machine-service";
import { decideCardOnMachine } from "../machine-access/machine-use-facts";
import { deleteEquipmentType, deleteMachine } from "./delete-equipment";

let w: DemoWorld;
beforeAll(async () => {
  w = await demoWorld();
});
afterAll(() => w?.t.close());

describe("equipment types", () => {
  it("are created and edited by equipment managers only, with unique names", async () => {
    expect(await createEquipmentType(w.t.db, w.ids.member, { name: "Lathe" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createEquipmentType(w.t.db, w.ids.admin, { name: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await createEquipmentType(w.t.db, w.ids.admin, { name: "laser CUTTER" })).toMatchObject({ ok: false, code: "name_taken" });
    const created = await createEquipmentType(w.t.db, w.ids.admin, { name: "Lathe", validityMonths: 6, expiresWithoutUseMonths: 3 });
    if (!created.ok) throw new Error(created.message);
    expect(await getEquipmentType(w.t.db, created.id)).toMatchObject({ name: "Lathe", validityMonths: 6, expiresWithoutUseMonths: 3, purpose: "equipment" });
    expect(await updateEquipmentType(w.t.db, w.ids.admin, created.id, { name: "Metal lathe", validityMonths: null })).toEqual({ ok: true });
    expect(await getEquipmentType(w.t.db, created.id)).toMatchObject({ name: "Metal lathe", validityMonths: null });
    expect(await updateEquipmentType(w.t.db, w.ids.admin, 999_999, { name: "Ghost" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateEquipmentType(w.t.db, w.ids.admin, created.id, { name: "CNC router" })).toMatchObject({ ok: false, code: "name_taken" });
    const audit = await w.t.db.select().from(auditLog).where(eq(auditLog.changeType, "equipment_type.update"));
    expect(audit[0]).toMatchObject({ before: { name: "Lathe" }, after: { name: "Metal lathe" } });
  });
});

describe("machines", () => {
  it("are created and edited with unique board ids", async () => {
    const input = {
      equipmentTypeId: w.types.laser,
      name: "LASER 2",
      boardId: 7,
      location: "Workshop",
      make: "Trotec",
      model: "Speedy 100",
      serialNumber: "S-1",
    };
    expect(await createMachine(w.t.db, w.ids.trainer, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createMachine(w.t.db, w.ids.admin, { ...input, boardId: 1 })).toMatchObject({ ok: false, code: "board_id_taken" });
    expect(await createMachine(w.t.db, w.ids.admin, { ...input, equipmentTypeId: 999_999 })).toMatchObject({ ok: false, code: "unknown_type" });
    expect(await createMachine(w.t.db, w.ids.admin, { ...input, boardId: -1 })).toMatchObject({ ok: false, code: "invalid" });
    const created = await createMachine(w.t.db, w.ids.admin, input);
    if (!created.ok) throw new Error(created.message);
    expect(await getMachine(w.t.db, created.id)).toMatchObject({ name: "LASER 2", boardId: 7, make: "Trotec", equipmentTypeName: "Laser cutter" });
    expect(await updateMachine(w.t.db, w.ids.admin, created.id, { ...input, boardId: 7, autoLogoffMinutes: 60 })).toEqual({ ok: true });
    expect(await updateMachine(w.t.db, w.ids.admin, created.id, { ...input, boardId: 2 })).toMatchObject({ ok: false, code: "board_id_taken" });
    expect(await updateMachine(w.t.db, w.ids.admin, created.id, { ...input, boardId: null })).toEqual({ ok: true });
    expect((await getMachine(w.t.db, created.id))!.boardId).toBeNull();
  });

  it("are blocked with a reason, which refuses every card, and put back in service", async () => {
    const laser = (await createMachine(w.t.db, w.ids.admin, { equipmentTypeId: w.types.laser, name: "LASER 3" })) as { ok: true; id: number };
    expect(await setMachineBlocked(w.t.db, w.ids.admin, { machineId: laser.id, blocked: true })).toMatchObject({ ok: false, code: "reason_required" });
    expect(await setMachineBlocked(w.t.db, w.ids.member, { machineId: laser.id, blocked: true, reason: "Lens" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setMachineBlocked(w.t.db, w.ids.admin, { machineId: laser.id, blocked: true, reason: "Lens broken" })).toEqual({ ok: true });
    expect(await getMachine(w.t.db, laser.id)).toMatchObject({ blocked: true, blockedReason: "Lens broken" });
    expect(await decideCardOnMachine(w.t.db, { uid: "efbeadde", machineId: laser.id })).toEqual({ allowed: false, reason: "machine_blocked" });
    expect(await setMachineBlocked(w.t.db, w.ids.admin, { machineId: laser.id, blocked: false })).toEqual({ ok: true });
    expect(await decideCardOnMachine(w.t.db, { uid: "efbeadde", machineId: laser.id })).toEqual({ allowed: true, level: 1 });
  });
});

describe("deleting", () => {
  it("removes unused entries and keeps those with history", async () => {
    const type = (await createEquipmentType(w.t.db, w.ids.admin, { name: "Vinyl cutter" })) as { ok: true; id: number };
    const machine = (await createMachine(w.t.db, w.ids.admin, { equipmentTypeId: type.id, name: "CAMEO" })) as { ok: true; id: number };
    expect(await deleteMachine(w.t.db, w.ids.member, machine.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteEquipmentType(w.t.db, w.ids.admin, type.id)).toMatchObject({ ok: false, code: "in_use" });
    expect(await deleteMachine(w.t.db, w.ids.admin, machine.id)).toEqual({ ok: true });
    expect(await getMachine(w.t.db, machine.id)).toBeNull();
    expect(await deleteMachine(w.t.db, w.ids.admin, machine.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteEquipmentType(w.t.db, w.ids.admin, type.id)).toEqual({ ok: true });
    // The laser has authorizations: kept.
    expect(await deleteEquipmentType(w.t.db, w.ids.admin, w.types.laser)).toMatchObject({ ok: false, code: "in_use" });
    expect(await getEquipmentType(w.t.db, w.types.laser)).not.toBeNull();
  });
});
