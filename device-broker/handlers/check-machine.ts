import { buildCheckMachineReply } from "@/lib/domain/machine-access/check-machine-reply";
import { getMachineByBoardId } from "@/lib/domain/machine-access/get-machine-by-board-id";
import { machineViewOf } from "../snapshot/decide";
import { snapshotOf } from "./facts";
import { fromMachineBoard, type ActionHandler } from "./types";

/** Boot and every 30 s: the board's view of its machine (also the board's heartbeat). */
export const checkMachine: ActionHandler<"checkmachine"> = async (ctx, req) => {
  const snapshot = snapshotOf(ctx);
  const known = snapshot?.machinesByBoard.get(req.boardId);
  const view = snapshot ? (known ? machineViewOf(known) : null) : await getMachineByBoardId(ctx.db, req.boardId, req.receivedAt);
  if (view && fromMachineBoard(req)) ctx.presence?.heard(view.machineId, req.receivedAt);
  // The domain already cuts to LCD size; the budget is a last guard for multi-byte text and long topics.
  return { reply: buildCheckMachineReply(view), shrinkable: ["description", "name"] };
};
