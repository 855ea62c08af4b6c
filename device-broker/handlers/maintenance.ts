import { INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import type { MaintenanceOutcome } from "@/lib/domain/usage/record-maintenance";
import { maintenanceReply } from "../replies";
import { decideOnMachine } from "../snapshot/decide";
import { snapshotOf, writeFact } from "./facts";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

/** Staff confirmed the maintenance shown on the LCD: one intervention per overdue plan. */
export const maintenance: ActionHandler<"maintenance"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const { uid, replay = false } = req.request;
  const result = await writeFact(ctx, { kind: "maintenance", machineId, uid, replay, receivedAt: req.receivedAt });
  let outcome = result as MaintenanceOutcome;
  if (result === "spooled") {
    // Recorded when the database is back (the domain decides again then); the board's answer comes from the snapshot.
    const data = snapshotOf(ctx);
    const machine = data?.machinesById.get(machineId);
    if (!data || !machine) throw new Error("maintenance spooled without a snapshot to answer from");
    const decision = decideOnMachine(data, machine, uid, req.receivedAt);
    outcome = decision.allowed
      ? decision.level >= 2
        ? { ok: true, planIds: [] }
        : { ok: false, reason: "not_authorized" }
      : { ok: false, reason: decision.reason === "unknown_card" ? "unknown_card" : "not_authorized" };
  }
  if (outcome.ok) ctx.snapshot?.noteMaintenanceDone(machineId);
  ctx.logger.info({ boardId: req.boardId, uid, outcome }, "maintenance");
  return { reply: maintenanceReply(outcome) };
};
