import { machineIdByBoardId } from "@/lib/domain/machine-access/get-machine-by-board-id";
import { snapshotOf } from "./facts";
import { fromMachineBoard, type BoardRequest, type HandlerContext } from "./types";

/** The machine a request's board id names (null: unknown id), noted as heard from for "online" (its own board only). */
export async function machineOf(ctx: HandlerContext, req: BoardRequest): Promise<number | null> {
  const snapshot = snapshotOf(ctx);
  const machineId = snapshot ? (snapshot.machinesByBoard.get(req.boardId)?.id ?? null) : await machineIdByBoardId(ctx.db, req.boardId);
  if (machineId !== null && fromMachineBoard(req)) ctx.presence?.heard(machineId, req.receivedAt);
  return machineId;
}
