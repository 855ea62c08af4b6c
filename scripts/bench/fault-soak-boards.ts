/**
 * The soak's boards (fault-soak.ts): simulated Fab-O-Matic boards, each its own device on a machine of its own,
 * keeping the ground truth (every use a board ended, with the duration it sent, and every exchange), and the load
 * they make: each uses its machine again and again.
 */
import { SimulatedBoard, type Exchange } from "../simulator/board";
import { BENCH_BOARD_BASE } from "./bench-database";
import { key } from "./fault-soak-records";
import { between, sleep, until } from "./fault-soak-time";

const CARD = "efbeadde"; // Mario: trained on the laser type every bench machine has

/** What the boards did during one fault. */
export interface Tally {
  /** Requests the boards made while offline: not published (the firmware does not try), answered by nobody. */
  offline: number;
  sent: number;
  replies: number;
  /** Requests sent and not answered within the board's timeout, by action: card checks must never be among them. */
  unanswered: Record<string, number>;
  ms: number[];
  expected: string[];
}

export type SoakLoad = ReturnType<SoakBoards["load"]>;
export type SoakBoards = ReturnType<typeof soakBoards>;

/** `count` boards on the broker at `mqttPort`, board i on the machine of board id BENCH_BOARD_BASE + i. Not started. */
export function soakBoards(count: number, mqttPort: number, machineOfBoard: (boardId: number) => number) {
  let tally: Tally = { offline: 0, sent: 0, replies: 0, unanswered: {}, ms: [], expected: [] };
  const boards = Array.from({ length: count }, (_, i) => {
    const board = new SimulatedBoard({
      url: `mqtt://127.0.0.1:${mqttPort}`,
      machineId: BENCH_BOARD_BASE + i,
      clientNumber: i,
      // No periodic flash save: the replay storm saves when it means to, so its reboots replay a known copy.
      timings: { checkMachineMs: 10_000, aliveMs: 30_000, inUseMs: 5_000, replyTimeoutMs: 2_000, reconnectMs: 1_000, flashSaveMs: 0 },
      // Each board its own device: the broker caps connections per source address.
      localAddress: `127.2.0.${i + 1}`,
    });
    const machineId = machineOfBoard(BENCH_BOARD_BASE + i);
    board.on("exchange", (x: Exchange) => {
      if (!x.sent) return void tally.offline++;
      tally.sent++;
      if (x.reply) {
        tally.replies++;
        tally.ms.push(x.ms);
      } else {
        const action = String(x.request.action);
        tally.unanswered[action] = (tally.unanswered[action] ?? 0) + 1;
      }
    });
    board.on("logout", (u: { uid: string; duration: number }) => tally.expected.push(key(machineId, u.uid, u.duration)));
    return board;
  });

  /** One use: swipe in, keep the machine on, swipe out (offline the board decides from its cache and buffers). */
  async function use(board: SimulatedBoard, ms: number): Promise<void> {
    const outcome = await board.swipe(CARD);
    if (!outcome.loggedIn) return void (await sleep(500));
    await sleep(ms);
    await board.stop();
  }

  /** Every board uses its machine again and again until stopped; a held board finishes its use and waits (parked). */
  function load() {
    let running = true;
    const held = new Set<SimulatedBoard>();
    const parked = new Set<SimulatedBoard>();
    const loops = boards.map(async (board) => {
      while (running) {
        if (held.has(board)) {
          parked.add(board);
          await sleep(100);
          continue;
        }
        parked.delete(board);
        await use(board, between(1_000, 6_500));
        await sleep(between(200, 1_200));
      }
    });
    return {
      /** Takes these boards out of the load once their current use is over. */
      async hold(some: SimulatedBoard[]) {
        for (const b of some) held.add(b);
        await until(() => some.every((b) => parked.has(b)), "the held boards to park", 60_000);
      },
      release(some: SimulatedBoard[]) {
        for (const b of some) held.delete(b);
      },
      async stop() {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  return {
    boards,
    use,
    load,
    /** The tally so far. */
    tally: () => tally,
    /** Starts a new tally (a fault's own). */
    resetTally() {
      tally = { offline: 0, sent: 0, replies: 0, unanswered: {}, ms: [], expected: [] };
    },
  };
}
