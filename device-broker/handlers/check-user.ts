import { INVALID_MACHINE_REPLY } from "@/lib/domain/machines/check-machine-reply";
import { checkUserOnMachine } from "@/lib/domain/usage/check-user";
import { checkUserReply } from "../replies";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

/** A card swipe: decided by the one rule; unknown cards are logged for registration. */
export const checkUser: ActionHandler<"checkuser"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const outcome = await checkUserOnMachine(ctx.db, { machineId, uid: req.request.uid, receivedAt: req.receivedAt });
  if (outcome.kind !== "allowed") ctx.logger.info({ boardId: req.boardId, uid: req.request.uid, outcome }, "card refused");
  return { reply: checkUserReply(outcome), shrinkable: ["name"] };
};
