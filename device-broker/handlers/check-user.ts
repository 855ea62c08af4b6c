import { INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import { checkUserOnMachine, type CheckUserOutcome } from "@/lib/domain/machine-access/check-user";
import { boardDecision } from "@/lib/domain/machine-access/decide-machine-use";
import { checkUserReply } from "../replies";
import { decideOnMachine, firstNameOf } from "../snapshot/decide";
import { snapshotOf, writeFact } from "./facts";
import { machineOf } from "./machine-of";
import type { ActionHandler, BoardRequest, HandlerContext } from "./types";

/** A card swipe: decided by the one rule (from the snapshot when loaded); unknown cards are logged for registration. */
export const checkUser: ActionHandler<"checkuser"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const outcome = snapshotOf(ctx)
    ? await fromSnapshot(ctx, req, machineId)
    : await checkUserOnMachine(ctx.db, { machineId, uid: req.request.uid, receivedAt: req.receivedAt });
  if (outcome.kind !== "allowed") ctx.logger.info({ boardId: req.boardId, uid: req.request.uid, outcome }, "card refused");
  return { reply: checkUserReply(outcome), shrinkable: ["name"] };
};

async function fromSnapshot(ctx: HandlerContext, req: BoardRequest<"checkuser">, machineId: number): Promise<CheckUserOutcome> {
  const data = snapshotOf(ctx)!;
  const machine = data.machinesById.get(machineId);
  if (!machine) return { kind: "unknown_machine" };
  const { uid } = req.request;
  const decision = boardDecision(decideOnMachine(data, machine, uid, req.receivedAt));
  if (decision.allowed) return { kind: "allowed", level: decision.level, firstName: firstNameOf(data, uid) };
  if (decision.reason === "unknown_card") {
    // Logging the swipe is a nicety: with the database and the disk both gone, the board still gets its answer.
    await writeFact(ctx, { kind: "unknown_card", machineId, uid, receivedAt: req.receivedAt }).catch((error: unknown) => {
      ctx.logger.warn({ err: error, uid, machineId }, "unknown card answered but its swipe not recorded");
    });
    return { kind: "unknown_card" };
  }
  return { kind: "denied", reason: decision.reason };
}
