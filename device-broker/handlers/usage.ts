import { INVALID_MACHINE_REPLY } from "@/lib/domain/machines/check-machine-reply";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "@/lib/domain/usage/record-usage";
import { usageReply } from "../replies";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

// A replay is answered exactly like a live message, or the board retries it forever.

export const startUse: ActionHandler<"startuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const { uid, replay = false } = req.request;
  const outcome = await recordUsageStart(ctx.db, { machineId, uid, replay, receivedAt: req.receivedAt });
  ctx.logger.debug({ boardId: req.boardId, uid, replay, outcome }, "startuse");
  return { reply: usageReply("startuse", outcome) };
};

export const inUse: ActionHandler<"inuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const { uid, duration, replay = false } = req.request;
  const outcome = await recordUsageHeartbeat(ctx.db, { machineId, uid, duration, replay, receivedAt: req.receivedAt });
  return { reply: usageReply("inuse", outcome, duration) };
};

export const stopUse: ActionHandler<"stopuse"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const { uid, duration, replay = false } = req.request;
  const outcome = await recordUsageStop(ctx.db, { machineId, uid, duration, replay, receivedAt: req.receivedAt });
  ctx.logger.debug({ boardId: req.boardId, uid, duration, replay, outcome }, "stopuse");
  return { reply: usageReply("stopuse", outcome, duration) };
};
