import { encodeReply } from "../protocol";
import { handleBoardMessage, type RequestSource } from "./dispatch";
import type { HandlerContext, HandlerRegistry } from "./types";

/** What a backend on an external broker subscribes to; `+` matches one level, so replies never come back. */
export const REQUEST_SUBSCRIPTION = "machine/+";

/** Where a request came from and how to answer that connection (and no other). */
export interface Asker extends RequestSource {
  reply(topic: string, payload: Buffer): Promise<void>;
}

export interface BoardRequestIntake {
  /**
   * A client's publish on machine/<id>, already authorised: handled detached, answered to `from` only. The promise
   * (never rejected) says when it is handled and its reply, if any, sent.
   */
  take(topic: string, payload: Buffer, from: Asker): Promise<void>;
  /**
   * Stops taking new requests and lets those in flight finish (and reply, while the boards are still
   * connected), waiting at most `graceMs` so a hung database cannot hold up a shutdown.
   */
  close(graceMs?: number): Promise<void>;
}

/** Feeds every board request to the dispatcher and sends its reply to the connection that asked. */
export function createBoardRequestIntake(ctx: HandlerContext, handlers?: HandlerRegistry): BoardRequestIntake {
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  return {
    take(topic, payload, from) {
      if (stopped) return Promise.resolve();
      const work = handleBoardMessage(ctx, topic, payload, handlers, from)
        .then(async (routed) => {
          if (!routed) return;
          const bytes = encodeReply(routed.replyTopic, routed.outgoing.reply, routed.outgoing);
          if (!bytes) {
            ctx.metrics.failed++;
            ctx.logger.error({ topic: routed.replyTopic }, "reply does not fit the board's buffer; not sent");
            return;
          }
          await from.reply(routed.replyTopic, bytes);
          ctx.metrics.answered++;
        })
        // A rejection escaping a broker hook would kill the process: everything ends here.
        .catch((error: unknown) => {
          ctx.metrics.failed++;
          ctx.logger.error({ err: error, topic }, "reply not sent");
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      return work;
    },
    async close(graceMs = 3_000) {
      stopped = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}
