import { INVALID_MACHINE_REPLY } from "@/lib/domain/machines/check-machine-reply";
import { recordBoardMaintenance } from "@/lib/domain/usage/record-maintenance";
import { maintenanceReply } from "../replies";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

/** Staff confirmed the maintenance shown on the LCD: one intervention per overdue plan. */
export const maintenance: ActionHandler<"maintenance"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const { uid, replay = false } = req.request;
  const outcome = await recordBoardMaintenance(ctx.db, { machineId, uid, replay, receivedAt: req.receivedAt });
  ctx.logger.info({ boardId: req.boardId, uid, outcome }, "maintenance");
  return { reply: maintenanceReply(outcome) };
};
