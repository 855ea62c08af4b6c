import { writeFact } from "./facts";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

/** On connect and every 2 minutes. Never answered: the board would take it as the reply to its next request. */
export const alive: ActionHandler<"alive"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) {
    ctx.logger.info({ boardId: req.boardId, ip: req.request.ip }, "alive from a board id no machine has");
    return null;
  }
  const { version, ip, serial, heap } = req.request;
  const clientId = ctx.clientIdOf?.(req.boardId);
  const result = await writeFact(ctx, { kind: "alive", machineId, clientId, version, ip, serial, heap, receivedAt: req.receivedAt });
  if (result !== "spooled" && (result as { firstSeen?: boolean }).firstSeen) ctx.logger.info({ boardId: req.boardId, machineId, version, ip, serial }, "new board on machine");
  return null;
};
