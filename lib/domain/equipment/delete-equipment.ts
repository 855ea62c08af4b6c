import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, interventions, machines } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { hasPermission } from "./authority";
import { fail, type Result } from "./result";
import { foreignKeyViolation } from "../shared/db-errors";

export type DeleteFailure = "forbidden" | "not_found" | "in_use";

/**
 * Removes a mistaken entry. Anything with history (authorizations, sessions, usage, a board) refers to it, and
 * the database refuses the delete then: such a type or machine is kept, and a machine can be blocked instead.
 */
async function deleteRow(db: Db, actorId: number, kind: "machine" | "equipment_type", id: number): Promise<Result<object, DeleteFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage equipment.");
  const table = kind === "machine" ? machines : equipmentTypes;
  try {
    return await db.transaction(async (tx) => {
      // Maintenance history would go with the machine (cascade), so it counts as history here.
      if (kind === "machine" && (await tx.select({ id: interventions.id }).from(interventions).where(eq(interventions.machineId, id)).limit(1)).length) {
        return fail("in_use" as const, "Maintenance records refer to this machine, so it is kept.");
      }
      const [row] = await tx.delete(table).where(eq(table.id, id)).returning();
      if (!row) return fail("not_found" as const, "This record does not exist (any more).");
      await recordAudit(tx, { actorId, changeType: `${kind}.delete`, entity: kind, entityId: id, before: { ...row } });
      return { ok: true as const };
    });
  } catch (error) {
    if (foreignKeyViolation(error) !== null) return fail("in_use", "Records refer to it (authorizations, sessions, machines or usage), so it is kept.");
    throw error;
  }
}

export const deleteMachine = (db: Db, actorId: number, id: number) => deleteRow(db, actorId, "machine", id);
export const deleteEquipmentType = (db: Db, actorId: number, id: number) => deleteRow(db, actorId, "equipment_type", id);
