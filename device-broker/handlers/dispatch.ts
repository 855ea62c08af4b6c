import { expectsReply, invalidRequestReply, parseRequest, parseRequestTopic, type Action, type Request } from "../protocol";
import { KeyedQueue } from "../keyed-queue";
import { alive } from "./alive";
import { checkMachine } from "./check-machine";
import { checkUser } from "./check-user";
import { maintenance } from "./maintenance";
import { notImplemented } from "./not-implemented";
import { syncCache } from "./sync-cache";
import { queueHolderOf, replayBurstsOf } from "./facts";
import { fromMachineBoard, type ActionHandler, type BoardRequest, type HandlerContext, type HandlerRegistry, type Outgoing } from "./types";
import { inUse, startUse, stopUse } from "./usage";

export const defaultHandlers: HandlerRegistry = {
  alive,
  checkmachine: checkMachine,
  checkuser: checkUser,
  startuse: startUse,
  inuse: inUse,
  stopuse: stopUse,
  maintenance,
  synccache: syncCache,
};

// One queue per handler context (one per broker or external client), created on first use.
const queues = new WeakMap<HandlerContext, KeyedQueue>();
function queueOf(ctx: HandlerContext): KeyedQueue {
  let queue = queues.get(ctx);
  if (!queue) queues.set(ctx, (queue = new KeyedQueue()));
  return queue;
}

/** Who published a request (embedded broker only; an external broker's ACL is its own business). */
export interface RequestSource {
  /** The client id the board sent (BOARD<n>). */
  clientId: string;
  /** The machine's own board: paired, or logged in with the machine's credentials. */
  trusted: boolean;
}

export interface Routed {
  replyTopic: string;
  outgoing: Outgoing;
}

/**
 * One board message in, at most one reply out. Independent of the MQTT server, so the same code can run
 * inside Aedes or as a client of an external broker. Never rejects: failures are counted and logged.
 */
export async function handleBoardMessage(
  ctx: HandlerContext,
  topic: string,
  payload: Buffer,
  handlers: HandlerRegistry = defaultHandlers,
  from?: RequestSource,
): Promise<Routed | null> {
  ctx.metrics.received++;
  const receivedAt = new Date();
  const target = parseRequestTopic(topic);
  if (!target) return reject(ctx, topic, "bad_topic");
  const parsed = parseRequest(payload);
  if (!parsed.ok) {
    if (parsed.action && expectsReply(parsed.action)) {
      ctx.metrics.rejected++;
      ctx.logger.warn({ topic, reason: parsed.reason, action: parsed.action }, "board request has malformed fields");
      return { replyTopic: target.replyTopic, outgoing: { reply: invalidRequestReply() } };
    }
    return reject(ctx, topic, parsed.reason, payload.byteLength);
  }
  const req: BoardRequest = { ...target, request: parsed.request, receivedAt, from: from && { clientId: from.clientId, trusted: from.trusted } };
  try {
    // In arrival order per machine: a board's replayed start/stop burst must be applied as sent.
    const outgoing = await queueOf(ctx).run(target.boardId, () => runHandler(ctx, req, handlers));
    return outgoing ? { replyTopic: target.replyTopic, outgoing } : null;
  } catch (error) {
    // No reply: a wrong answer is worse than the board's timeout (the board retries or uses its cache).
    ctx.metrics.failed++;
    ctx.logger.error({ err: error, topic, action: req.request.action }, "board request failed");
    return null;
  }
}

function runHandler(ctx: HandlerContext, req: BoardRequest, handlers: HandlerRegistry): Promise<Outgoing | null> {
  const action: Action = req.request.action;
  noteQueue(ctx, req);
  // The registry is keyed by action, so the handler and the request always match; TypeScript cannot see that.
  const handler = handlers[action] as ActionHandler<Request["action"]> | undefined;
  return handler ? handler(ctx, req as never) : notImplemented(ctx, req);
}

/**
 * What a request says about the board's offline queue (replay-bursts.ts): a live one that the queue is through (the
 * firmware sends nothing live before), a replayed maintenance that it is the board's last queued message. Only the
 * machine's own board speaks for its queue. Replayed starts and stops are placed by their handler.
 */
function noteQueue(ctx: HandlerContext, req: BoardRequest): void {
  const r = req.request;
  if (r.action === "alive" || !fromMachineBoard(req)) return;
  const replay = "replay" in r && r.replay === true;
  const key =
    r.action === "startuse"
      ? `startuse/${r.uid}`
      : r.action === "stopuse"
        ? `stopuse/${r.uid}/${r.duration}`
        : r.action === "maintenance"
          ? `maintenance/${r.uid}`
          : undefined;
  const bursts = replayBurstsOf(ctx);
  if (!replay) bursts.live(req.boardId, queueHolderOf(req), key);
  else if (r.action === "maintenance") bursts.other(req.boardId, queueHolderOf(req), key!);
}

function reject(ctx: HandlerContext, topic: string, reason: string, bytes?: number): null {
  ctx.metrics.rejected++;
  ctx.logger.warn({ topic: topic.slice(0, 100), reason, bytes }, "board message dropped");
  return null;
}
