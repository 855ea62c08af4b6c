import { SimulatedBoard, type Exchange } from "@/scripts/simulator/board";

export interface FirmwareBoardResult {
  machineId: number;
  card: string;
  /** Durations of the uses the board ended (its ground truth: each reported live or from its offline queue). */
  uses: number[];
  /** checkuser published on a live connection / answered. */
  checks: { sent: number; answered: number };
  /** startuse/stopuse sent live or replayed / answered / left unanswered (then kept in the board's queue). */
  facts: { sent: number; answered: number; unanswered: number; replayed: number };
}

export interface FirmwareTraffic {
  /** Requests answered so far, all boards. */
  answered(): number;
  /** Stops swiping, lets every board replay its offline queue until it is empty, powers them off, and counts. */
  stop(drainMs?: number): Promise<FirmwareBoardResult[]>;
}

/**
 * Boards as the firmware runs them (scripts/simulator/board.ts): each swipes its card, uses the machine briefly and
 * swipes again to log out, over and over. A start or stop that gets no answer is kept in the board's offline queue
 * and replayed after the reconnect that follows; a card check that gets none is decided from the board's cache.
 * The boards wait `replyTimeoutMs` for an answer, longer than the firmware's 2 s: the tests count, they do not time
 * (a test database in the test's own process can hold the event loop for seconds). `swipeGapMs` paces each board (a
 * card swiped at most once per gap, as people do): unpaced, the boards answered from memory sent ~60 requests a
 * second in the test's own process, which made a backup beside them last as long as that traffic let it (133 s at
 * load 24, 8,056 requests answered meanwhile).
 */
export async function startFirmwareTraffic(
  port: number,
  boards: { machineId: number; clientNumber: number; card: string; serial: string }[],
  replyTimeoutMs = 20_000,
  swipeGapMs = 0,
): Promise<FirmwareTraffic> {
  let stopping = false;
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let answered = 0;
  const running = await Promise.all(
    boards.map(async ({ machineId, clientNumber, card, serial }) => {
      const board = new SimulatedBoard({
        url: `mqtt://127.0.0.1:${port}`,
        machineId,
        clientNumber,
        identity: { serial, ip: "127.0.0.1" },
        timings: { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs, reconnectMs: 100 },
      });
      const result: FirmwareBoardResult = {
        machineId,
        card,
        uses: [],
        checks: { sent: 0, answered: 0 },
        facts: { sent: 0, answered: 0, unanswered: 0, replayed: 0 },
      };
      board.on("exchange", ({ request, reply }: Exchange) => {
        if (reply) answered++;
        if (request.action === "checkuser") {
          result.checks.sent++;
          if (reply) result.checks.answered++;
        } else if (request.action === "startuse" || request.action === "stopuse") {
          result.facts.sent++;
          if (request.replay === true) result.facts.replayed++;
          if (reply) result.facts.answered++;
          else result.facts.unanswered++;
        }
      });
      board.on("logout", ({ duration }: { duration: number }) => result.uses.push(duration));
      await board.start();
      const loop = (async () => {
        while (!stopping) {
          // Swipes only on a live connection: a check sent offline would not reach the broker at all.
          if (!board.link.connected) {
            await online(board, stopped);
            continue;
          }
          const swiped = performance.now();
          const login = await board.swipe(card);
          if (login.loggedIn) await board.swipe(card); // the same card again: logged out, stopuse sent or queued
          const gap = swipeGapMs - (performance.now() - swiped);
          if (gap > 0 && !stopping) await Promise.race([new Promise((r) => setTimeout(r, gap)), stopped]);
        }
      })();
      return { board, result, loop };
    }),
  );
  return {
    answered: () => answered,
    async stop(drainMs = 120_000) {
      stopping = true;
      stop();
      await Promise.all(running.map((r) => r.loop));
      const deadline = Date.now() + drainMs;
      for (const { board } of running) {
        // The firmware replays its queue after each connect; one left with a queue reconnects until it is sent.
        while (board.buffer.size > 0 && Date.now() < deadline) {
          await board.disconnect();
          await board.reconnect();
        }
      }
      await Promise.all(running.map((r) => r.board.close()));
      return running.map(({ board, result }) => {
        if (board.buffer.size > 0) throw new Error(`board ${result.machineId} still holds ${board.buffer.size} unanswered facts`);
        return result;
      });
    },
  };
}

/** Resolves when the board's link is online again (subscribed on a new connection), or when the traffic stops. */
function online(board: SimulatedBoard, stopped: Promise<void>): Promise<void> {
  let onConnect = () => {};
  const connected = new Promise<void>((resolve) => board.link.once("connect", (onConnect = resolve)));
  return Promise.race([connected, stopped]).finally(() => board.link.off("connect", onConnect));
}
