import { z } from "zod";
import { deleteIntervention, deleteUsageSession, type DeleteRecordFailure } from "@/lib/domain/machines/delete-records";
import type { Failure } from "@/lib/domain/usage/result";
import type { ActionSpec } from "./action-pipeline";

const boundId = z.tuple([z.number().int().positive()]);
const reason = z.object({ reason: z.string().trim().min(3).max(500) });
type Spec = ActionSpec<"user", typeof reason, [number], Failure<DeleteRecordFailure>>;
type Path = string | readonly [string, "layout" | "page"];

/**
 * Deleting one usage session or maintenance intervention with a reason, for defineAction in the routes that list
 * them (each revalidates its own page). The domain decides who may: the machine's staff or owner, or a people
 * admin, never for someone above the actor.
 */
function deleteSpec(run: typeof deleteUsageSession, revalidate: Path): Spec {
  return {
    caller: "user",
    input: reason,
    bound: boundId,
    labels: { reason: "mach.delete.reason" },
    refusals: "mach.delete.error",
    refusalFields: { invalid: "reason" },
    revalidate: [revalidate],
    async run({ actor, db, t, input }, id) {
      const done = await run(db, actor.personId, id, input.reason);
      return done.ok ? { ok: true, message: t("mach.delete.done") } : done;
    },
  };
}

export const deleteUsageSessionSpec = (revalidate: Path) => deleteSpec(deleteUsageSession, revalidate);
export const deleteInterventionSpec = (revalidate: Path) => deleteSpec(deleteIntervention, revalidate);
