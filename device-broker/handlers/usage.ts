import { INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import type { UsageOutcome } from "@/lib/domain/usage/events";
import { usageReply } from "../replies";
import { holderOf } from "../snapshot/decide";
import { queueHolderOf, replayBurstsOf, snapshotOf, writeFact } from "./facts";
import { machineOf } from "./machine-of";
import type { ActionHandler, BoardRequest, HandlerContext } from "./types";

// A replay is answered exactly like a live message, or the board retries it forever.

type UsageAction = "startuse" | "inuse" | "stopuse";

/**
 * Records the event (database, or spool when it is away) and notes the use in the snapshot at once, so
 * "expires without use" sees it before the next reload. A spooled event's answer comes from the snapshot:
 * the card is known (to a holder) or it is not. Without a spool, a start or stop the database did not commit in
 * time is not answered (writeFact rejects): the board keeps it and replays it.
 */
async function recordUse(ctx: HandlerContext, req: BoardRequest<UsageAction>, machineId: number): Promise<UsageOutcome> {
  const { uid, replay = false } = req.request;
  const duration = "duration" in req.request ? req.request.duration : 0;
  const common = { machineId, uid, replay, receivedAt: req.receivedAt };
  // Where a replay stands in the board's queue (a live request's effect on it is noted by the dispatcher).
  const bursts = replayBurstsOf(ctx);
  const clientId = queueHolderOf(req);
  const result =
    req.request.action === "startuse"
      ? await writeFact(ctx, { kind: "startuse", ...common, queue: replay ? bursts.start(req.boardId, clientId, uid) : undefined })
      : req.request.action === "stopuse"
        ? await writeFact(ctx, { kind: "stopuse", ...common, duration, burst: replay ? bursts.stop(req.boardId, clientId, uid, duration) : undefined })
        : await writeFact(ctx, { kind: "inuse", ...common, duration });
  const data = snapshotOf(ctx);
  // Not in the database (spooled; an inuse it did not take) and no snapshot to tell a known card from an unknown
  // one: no answer beats a wrong one (the board queues and replays it; the replay is recorded once).
  const fromSnapshot = result === "spooled" || result === "unrecorded";
  if (fromSnapshot && !data) throw new Error("usage not recorded yet and no snapshot to answer from");
  const personId = data ? holderOf(data, uid) : null;
  const outcome: UsageOutcome = fromSnapshot
    ? personId === null
      ? { ok: false, reason: "unknown_card" }
      : { ok: true, effect: "opened", sessionId: null }
    : (result as UsageOutcome);
  const typeId = data?.machinesById.get(machineId)?.equipmentTypeId;
  if (outcome.ok && personId !== null && typeId !== undefined) ctx.snapshot?.noteUse(personId, typeId, req.receivedAt);
  return outcome;
}

export const startUse: ActionHandler<"startuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const outcome = await recordUse(ctx, req, machineId);
  ctx.logger.debug({ boardId: req.boardId, uid: req.request.uid, replay: req.request.replay, outcome }, "startuse");
  return { reply: usageReply("startuse", outcome) };
};

export const inUse: ActionHandler<"inuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const outcome = await recordUse(ctx, req, machineId);
  return { reply: usageReply("inuse", outcome, req.request.duration) };
};

export const stopUse: ActionHandler<"stopuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const outcome = await recordUse(ctx, req, machineId);
  ctx.logger.debug({ boardId: req.boardId, uid: req.request.uid, duration: req.request.duration, replay: req.request.replay, outcome }, "stopuse");
  return { reply: usageReply("stopuse", outcome, req.request.duration) };
};
