import type { Aedes, AedesPublishPacket } from "aedes";
import { encodeReply } from "../protocol";
import { handleBoardMessage } from "./dispatch";
import type { HandlerContext, HandlerRegistry } from "./types";

export const REQUEST_SUBSCRIPTION = "machine/+";

export interface BoardRequestSubscription {
  /**
   * Stops taking new requests and lets those in flight finish (and reply, while the boards are still
   * connected), waiting at most `graceMs` so a hung database cannot hold up a shutdown.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Feeds every publish on machine/<id> to the dispatcher and publishes its reply. `machine/+` matches one level
 * only, so our own replies on machine/<id>/reply never come back here.
 */
export async function subscribeBoardRequests(
  broker: Aedes,
  ctx: HandlerContext,
  handlers?: HandlerRegistry,
): Promise<BoardRequestSubscription> {
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  // Aedes needs `done` called before delivery continues to other subscribers; the work goes on detached.
  const deliver = (packet: AedesPublishPacket, done: () => void) => {
    done();
    if (stopped) return;
    const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
    const work = handleBoardMessage(ctx, packet.topic, payload, handlers)
      .then(async (routed) => {
        if (!routed) return;
        const bytes = encodeReply(routed.replyTopic, routed.outgoing.reply, routed.outgoing);
        if (!bytes) {
          ctx.metrics.failed++;
          ctx.logger.error({ topic: routed.replyTopic }, "reply does not fit the board's buffer; not sent");
          return;
        }
        await publish(broker, routed.replyTopic, bytes);
        ctx.metrics.answered++;
      })
      // A rejection escaping a broker listener would kill the process: everything ends here.
      .catch((error: unknown) => {
        ctx.metrics.failed++;
        ctx.logger.error({ err: error, topic: packet.topic }, "reply not sent");
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  };

  await new Promise<void>((resolve) => broker.subscribe(REQUEST_SUBSCRIPTION, deliver, resolve));
  return {
    async close(graceMs = 3_000) {
      stopped = true;
      await new Promise<void>((resolve) => broker.unsubscribe(REQUEST_SUBSCRIPTION, deliver, resolve));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}

// Published as the backend: bypasses authorizePublish by design (boards may not publish replies, we may).
function publish(broker: Aedes, topic: string, payload: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    broker.publish({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()));
  });
}
