import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, machines } from "@/lib/db/schema";
import { overduePlans } from "../usage/machine-hours";
import type { MachineView } from "./machine-view";

/** The machine a board with this numeric id controls, or null when no machine has that board id. */
export async function getMachineByBoardId(db: Db, boardId: number, now = new Date()): Promise<MachineView | null> {
  const [row] = await db
    .select({
      machineId: machines.id,
      boardId: machines.boardId,
      name: machines.name,
      blocked: machines.blocked,
      autoLogoffMinutes: machines.autoLogoffMinutes,
      graceMinutes: machines.graceMinutes,
      boardKind: equipmentTypes.boardKind,
    })
    .from(machines)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, machines.equipmentTypeId))
    .where(eq(machines.boardId, boardId))
    .limit(1);
  if (!row || row.boardId === null) return null;
  const overdue = await overduePlans(db, row.machineId, now);
  return { ...row, boardId: row.boardId, overduePlans: overdue.map((s) => ({ planId: s.plan.id, lcdText: s.plan.lcdText })) };
}

/** Just the machine's id for a board id (the usage actions need nothing more), or null when unknown. */
export async function machineIdByBoardId(db: Db, boardId: number): Promise<number | null> {
  const [row] = await db.select({ id: machines.id }).from(machines).where(eq(machines.boardId, boardId)).limit(1);
  return row?.id ?? null;
}
