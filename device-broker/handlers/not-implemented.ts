import { INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import { getMachineByBoardId } from "@/lib/domain/machine-access/get-machine-by-board-id";
import { notSupportedReply } from "../protocol";
import type { BoardRequest, HandlerContext, Outgoing } from "./types";

/**
 * Known actions without a handler yet still get their one reply, so a board does not wait for its timeout;
 * an unknown machine id gets the same "Invalid machine ID" answer as for every other action.
 */
export async function notImplemented(ctx: HandlerContext, req: BoardRequest): Promise<Outgoing> {
  const view = await getMachineByBoardId(ctx.db, req.boardId);
  return { reply: view ? notSupportedReply() : INVALID_MACHINE_REPLY };
}
