import { and, asc, eq, ne } from "drizzle-orm";
import { mayRunMachine } from "../machines/machine-owner";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, machines, type Machine } from "@/lib/db/schema";
import { diffValues, recordAudit } from "../audit/record-audit";
import { openPairingWindow } from "../usage/board-pairing";
import { hasPermission } from "./authority";
import { fail, type Result } from "./result";

export const machineInput = z.object({
  equipmentTypeId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  /** The numeric id the machine's board uses; null while no board is attached. */
  boardId: z.union([z.literal(null), z.number().int().min(0).max(999_999)]).default(null),
  location: z.string().trim().max(200).default(""),
  make: z.string().trim().max(100).default(""),
  model: z.string().trim().max(100).default(""),
  serialNumber: z.string().trim().max(100).default(""),
  autoLogoffMinutes: z.number().int().min(0).max(10_080).default(0),
  graceMinutes: z.number().int().min(0).max(240).default(2),
});
export type MachineInput = z.input<typeof machineInput>;

export type MachineFailure = "forbidden" | "invalid" | "not_found" | "unknown_type" | "board_id_taken" | "reason_required";

export interface MachineRow extends Machine {
  equipmentTypeName: string;
}

export async function listMachines(db: Db): Promise<MachineRow[]> {
  const rows = await db
    .select({ m: machines, typeName: equipmentTypes.name })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .orderBy(asc(equipmentTypes.name), asc(machines.name));
  return rows.map((r) => ({ ...r.m, equipmentTypeName: r.typeName }));
}

/** Every machine as a choice in a form (id and name, by name). */
export async function machineOptions(db: Db): Promise<{ id: number; name: string }[]> {
  return db.select({ id: machines.id, name: machines.name }).from(machines).orderBy(asc(machines.name));
}

export async function getMachine(db: Db, id: number): Promise<MachineRow | null> {
  const [row] = await db
    .select({ m: machines, typeName: equipmentTypes.name })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(eq(machines.id, id));
  return row ? { ...row.m, equipmentTypeName: row.typeName } : null;
}

const forbidden = () => fail("forbidden" as const, "You may not manage machines.");

async function checkInput(db: Db, data: z.infer<typeof machineInput>, exceptId?: number) {
  const [type] = await db.select({ id: equipmentTypes.id }).from(equipmentTypes).where(eq(equipmentTypes.id, data.equipmentTypeId));
  if (!type) return fail("unknown_type" as const, "This equipment type does not exist.");
  if (data.boardId !== null) {
    const clash = await db
      .select({ name: machines.name })
      .from(machines)
      .where(exceptId ? and(eq(machines.boardId, data.boardId), ne(machines.id, exceptId)) : eq(machines.boardId, data.boardId));
    if (clash[0]) return fail("board_id_taken" as const, `Board id ${data.boardId} is already used by ${clash[0].name}.`);
  }
  return null;
}

export async function createMachine(db: Db, actorId: number, raw: MachineInput): Promise<Result<{ id: number }, MachineFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return forbidden();
  const parsed = machineInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return db.transaction(async (tx) => {
    const problem = await checkInput(tx, parsed.data);
    if (problem) return problem;
    const [row] = await tx.insert(machines).values(parsed.data).returning();
    await recordAudit(tx, { actorId, changeType: "machine.create", entity: "machine", entityId: row!.id, after: parsed.data });
    // The first board heard on the new machine's topic is paired with it: a first installation needs no extra step.
    await openPairingWindow(tx, row!.id, { actorId });
    return { ok: true as const, id: row!.id };
  });
}

export async function updateMachine(db: Db, actorId: number, id: number, raw: MachineInput): Promise<Result<object, MachineFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return forbidden();
  const parsed = machineInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(machines).where(eq(machines.id, id)).for("update");
    if (!before) return fail("not_found", "This machine does not exist.");
    const problem = await checkInput(tx, parsed.data, id);
    if (problem) return problem;
    await tx
      .update(machines)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(machines.id, id));
    const { before: b, after: a } = diffValues(before, { ...before, ...parsed.data });
    await recordAudit(tx, { actorId, changeType: "machine.update", entity: "machine", entityId: id, before: b, after: a });
    return { ok: true as const };
  });
}

/** Out of service: every card is refused (decideMachineUse) and members see the reason. */
export async function setMachineBlocked(
  db: Db,
  actorId: number,
  input: { machineId: number; blocked: boolean; reason?: string },
): Promise<Result<object, MachineFailure>> {
  // Staff for every machine; an owner of its type for this one (machines/machine-owner).
  if (!(await mayRunMachine(db, actorId, input.machineId, ["equipment.manage", "machines.operate"]))) return forbidden();
  const reason = (input.reason ?? "").trim().slice(0, 500);
  if (input.blocked && !reason) return fail("reason_required", "Please say why the machine is blocked; members will see it.");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(machines).where(eq(machines.id, input.machineId)).for("update");
    if (!before) return fail("not_found", "This machine does not exist.");
    const after = { blocked: input.blocked, blockedReason: input.blocked ? reason : "" };
    await tx
      .update(machines)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(machines.id, input.machineId));
    await recordAudit(tx, {
      actorId,
      changeType: input.blocked ? "machine.block" : "machine.unblock",
      entity: "machine",
      entityId: input.machineId,
      before: { blocked: before.blocked, blockedReason: before.blockedReason },
      after,
    });
    return { ok: true as const };
  });
}
