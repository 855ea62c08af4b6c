import { queueHolderOf, replayBurstsOf, writeFact } from "./facts";
import { machineOf } from "./machine-of";
import { fromMachineBoard, type ActionHandler } from "./types";

/** On connect and every 2 minutes. Never answered: the board would take it as the reply to its next request. */
export const alive: ActionHandler<"alive"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) {
    ctx.logger.info({ boardId: req.boardId, ip: req.request.ip }, "alive from a board id no machine has");
    return null;
  }
  // A board that is not paired is a pairing request (security/pairing-gate.ts), not telemetry of the machine.
  if (!fromMachineBoard(req)) return null;
  // Sent on every connect: after a reboot (a new client id) the queue replayed next may repeat one already received.
  replayBurstsOf(ctx).connected(req.boardId, queueHolderOf(req));
  const { version, ip, serial, heap } = req.request;
  const clientId = req.from?.clientId.slice(0, 64);
  const result = await writeFact(ctx, { kind: "alive", machineId, clientId, version, ip, serial, heap, receivedAt: req.receivedAt });
  if (typeof result === "object" && (result as { firstSeen?: boolean }).firstSeen)
    ctx.logger.info({ boardId: req.boardId, machineId, version, ip, serial }, "new board on machine");
  return null;
};
