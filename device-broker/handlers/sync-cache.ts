import { INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import { allowedCardsOnMachine } from "@/lib/domain/machine-access/allowed-cards";
import { syncCacheReply } from "../replies";
import { allowedCards } from "../snapshot/decide";
import { snapshotOf } from "./facts";
import { machineOf } from "./machine-of";
import type { ActionHandler } from "./types";

/** Newer firmware keeps the allowed cards for offline use: those that fit one reply, most recently used first. */
export const syncCache: ActionHandler<"synccache"> = async (ctx, req) => {
  const machineId = await machineOf(ctx, req);
  if (machineId === null) return { reply: INVALID_MACHINE_REPLY };
  const data = snapshotOf(ctx);
  const machine = data?.machinesById.get(machineId);
  const cards = data ? (machine ? allowedCards(data, machine, req.receivedAt) : null) : await allowedCardsOnMachine(ctx.db, machineId, req.receivedAt);
  return cards ? { reply: syncCacheReply(req.replyTopic, cards) } : { reply: INVALID_MACHINE_REPLY };
};
