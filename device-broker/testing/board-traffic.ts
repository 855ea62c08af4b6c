import type { MqttClient } from "mqtt";
import { announce, connectBoard } from "./board-client";

export interface TrafficResult {
  /** Requests published. */
  sent: number;
  answered: number;
  /** Requests whose reply did not come within the wait (none expected). */
  unanswered: number;
  /** Uses the boards reported (startuse … stopuse, both answered). */
  uses: number;
  /** Milliseconds from publish to reply, per answered request. */
  latencies: number[];
  /** When each reply came (performance.now()), in order. */
  repliedAt: number[];
}

export interface BoardTraffic {
  /** Requests published so far. */
  sent(): number;
  /** Replies received so far (their latencies in the order received; stop() has them all). */
  answered(): number;
  /** Lets every board finish its request in flight, disconnects them, and counts. */
  stop(): Promise<TrafficResult>;
}

/**
 * Boards as the firmware drives them, one request in flight each (the next only after the reply): each swipes its
 * card (checkuser), starts a use, reports it stopped, again and again. A reply not seen within `replyWaitMs` counts
 * as unanswered (the firmware gives up after 2 s; tests wait much longer and count, they do not time).
 * `swipeGapMs` paces each board (a card swiped at most once per gap, as people do): what the boards send is bounded
 * by time × rate however fast the broker answers, so a test that runs them for minutes can still drain it.
 */
export async function startBoardTraffic(
  port: number,
  boards: { boardId: number; client: number; card: string }[],
  options: { replyWaitMs?: number; pauseMs?: number; swipeGapMs?: number } = {},
): Promise<BoardTraffic> {
  const replyWaitMs = options.replyWaitMs ?? 20_000;
  const result: TrafficResult = { sent: 0, answered: 0, unanswered: 0, uses: 0, latencies: [], repliedAt: [] };
  let stopping = false;
  const done = () => stopping;
  const clients: MqttClient[] = [];
  const loops = await Promise.all(
    boards.map(async ({ boardId, client: n, card }) => {
      const client = await connectBoard(port, n);
      clients.push(client);
      const topic = `machine/${boardId}/reply`;
      let waiting: ((text: string) => void) | null = null;
      client.on("message", (t, body) => {
        if (t === topic) waiting?.(body.toString("utf8"));
      });
      await client.subscribeAsync(topic, { qos: 0 });
      await announce(client, boardId);
      const request = async (payload: object): Promise<boolean> => {
        const started = performance.now();
        const reply = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), replyWaitMs);
          waiting = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        result.sent++;
        await client.publishAsync(`machine/${boardId}`, JSON.stringify(payload), { qos: 0 });
        const answered = await reply;
        waiting = null;
        if (answered) {
          result.answered++;
          const at = performance.now();
          result.latencies.push(at - started);
          result.repliedAt.push(at);
        } else result.unanswered++;
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
        return answered;
      };
      // Wrapped: an async function returning the loop's promise would wait for the loop to end.
      const loop = (async () => {
        while (!done()) {
          const swiped = performance.now();
          await request({ action: "checkuser", uid: card });
          if (done()) break;
          if (!(await request({ action: "startuse", uid: card }))) continue;
          if (await request({ action: "stopuse", uid: card, duration: 5 })) result.uses++;
          const gap = (options.swipeGapMs ?? 0) - (performance.now() - swiped);
          if (gap > 0 && !done()) await new Promise((r) => setTimeout(r, gap));
        }
      })();
      return { loop };
    }),
  );
  return {
    sent: () => result.sent,
    answered: () => result.latencies.length,
    async stop() {
      stopping = true;
      await Promise.all(loops.map((l) => l.loop));
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
      return result;
    },
  };
}
