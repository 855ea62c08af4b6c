import type { ActionHandler } from "./types";

/** On connect and every 2 minutes. Never answered: the board would take it as the reply to its next request. */
export const alive: ActionHandler<"alive"> = async (ctx, req) => {
  // Recording board details and last-seen is part of the full protocol (issue 5).
  ctx.logger.debug({ boardId: req.boardId, version: req.request.version, ip: req.request.ip }, "board alive");
  return null;
};
