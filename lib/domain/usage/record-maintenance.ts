import type { Db } from "@/lib/db/client";
import { interventions } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { decideMachineUse } from "../machine-access/decide-machine-use";
import { loadMachineUseFacts } from "../machine-access/machine-use-facts";
import type { CardEvent } from "./events";
import { overduePlans } from "./machine-hours";
import { cardHolderId, lockMachine } from "./session-store";

export type MaintenanceOutcome = { ok: true; planIds: number[] } | { ok: false; reason: "unknown_machine" | "unknown_card" | "not_authorized" };

/**
 * `maintenance` from a board: staff confirmed the maintenance shown on the LCD. Only a holder at level ≥ 2 on this
 * machine (owner of its type, or admin) may; one intervention per plan overdue at that moment. Applying it again
 * records nothing: the plans are no longer overdue (and plan + time is unique).
 */
export async function recordBoardMaintenance(db: Db, ev: CardEvent): Promise<MaintenanceOutcome> {
  const facts = await loadMachineUseFacts(db, { uid: ev.uid, machineId: ev.machineId, now: ev.receivedAt });
  if (!facts) return { ok: false, reason: "unknown_machine" };
  const decision = decideMachineUse(facts);
  if (!decision.allowed) return { ok: false, reason: decision.reason === "unknown_card" ? "unknown_card" : "not_authorized" };
  if (decision.level < 2) return { ok: false, reason: "not_authorized" };
  const personId = await cardHolderId(db, ev.uid);
  return db.transaction(async (tx) => {
    await lockMachine(tx, ev.machineId);
    const due = await overduePlans(tx, ev.machineId, ev.receivedAt);
    const planIds: number[] = [];
    for (const { plan, hoursSince } of due) {
      const [row] = await tx
        .insert(interventions)
        .values({ planId: plan.id, machineId: ev.machineId, personId, doneAt: ev.receivedAt, source: "board" })
        .onConflictDoNothing()
        .returning({ id: interventions.id });
      if (!row) continue;
      planIds.push(plan.id);
      await recordAudit(tx, {
        actorId: null, // recorded by the board; the person is the subject
        subjectPersonId: personId,
        changeType: "maintenance.intervention",
        entity: "machine",
        entityId: ev.machineId,
        after: {
          interventionId: row.id,
          planId: plan.id,
          doneAt: ev.receivedAt.toISOString(),
          source: "board",
          hoursSince: Math.round(hoursSince * 10) / 10,
          replay: ev.replay,
        },
      });
    }
    return { ok: true, planIds };
  });
}
