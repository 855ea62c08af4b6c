import fs from "node:fs";
import path from "node:path";
import type { QueuePlacement, ReplayBurstPosition } from "@/lib/domain/usage/events";

/** <DATA_DIR>/broker/replay-queues.json: the boards' queues as followed, kept across a restart of the broker. */
export const replayQueueFilePath = (dataDir: string) => path.join(dataDir, "broker", "replay-queues.json");

/** Replays further apart than this belong to different bursts (the firmware sends its queue back to back). */
const BURST_GAP_MS = 30_000;

interface Burst {
  lastAt: number;
  /** Replayed starts per card not yet followed by a replayed stop of it. */
  openStarts: Map<string, number>;
  /** Replayed stops seen per card and duration. */
  stops: Map<string, number>;
  /** The last replayed stop and where it stood: sent again at once, it is the same message (its reply was late). */
  last?: { key: string; position: ReplayBurstPosition };
}

interface BoardQueue {
  /** The MQTT client id the board connected with: Fab-O-Matic picks BOARD<0-999> at boot and keeps it until the next. */
  clientId?: string;
  /**
   * Whether the board's queue is known to continue: it spoke live since it (re)booted, and its queue is sent in order
   * and emptied as each message is answered. Then a replayed message is new — unless it is the message the board sent
   * last, sent again because its answer did not come. Unknown after a reboot (the queue is reloaded from flash, where
   * an older copy may still hold messages already answered) and after a restart of the broker.
   */
  continues: boolean;
  /** The last message the board queues when unanswered (startuse, stopuse, maintenance), live or replayed. */
  last?: string;
  /** For a queue that may be an old copy: where each replayed stop stands in it (see below). */
  burst?: Burst;
}

/**
 * Where a board's replayed messages stand in its offline queue (replays carry no timestamp). Fab-O-Matic sends its
 * queue in order after each connect, drops each message once answered, and sends nothing live before the queue is
 * through; a message whose answer did not come stays first and is sent again. So, once the board has spoken live:
 * a replayed message is new, unless it repeats the board's last queued message (placement "continued"/"repeat";
 * a reconnect, with the same client id, does not change that). After a reboot (a new client id) or a broker restart,
 * the queue may be an older copy from flash (the firmware writes its RAM queue there only in its alive task, every
 * 2 minutes when changed, and loads it at boot: FabBackend::saveBuffer/loadBuffer; the simulator's reboot() does the
 * same): a replayed stop is then told by its place in its burst — the k-th stop of
 * a card with a duration in one burst is the k-th in the next (two uses of one duration are two stops with a start
 * between them; the same stop twice in a row is one stop sent again) — and a replayed start records nothing by itself.
 * Per board id, in memory and — with a file (<DATA_DIR>/broker/replay-queues.json) — kept across a restart of the
 * broker: which client id each board spoke with, whether its queue is known to continue, its last queued message. A
 * board that reconnects to the restarted broker with its client id is then followed as before the restart, rather
 * than judged by the burst rules meant for a reboot. Bursts (seconds long) are not kept, on purpose: a restart of the
 * broker always drops the board's connection, and the `alive` of its reconnect begins a new burst whatever was kept
 * (a queue not known to continue may be sent again whole after any reconnect — the replay storm), so a kept burst
 * would never be read.
 *
 * The holder of a queue is the client id (embedded broker) or, on an external broker whose subscribers never see
 * client ids, the board's topic (handlers/facts.ts queueHolderOf): there every connect counts as a reconnect.
 *
 * What the wire cannot tell apart (board-protocol.md, "Transport" and "Offline buffering and replay"): the client id
 * is BOARD<0-999> drawn at random at boot, the session is clean, there is no will, and a replay carries only
 * `"replay":true` — no timestamp, no sequence number, no boot counter. A reboot that draws the id the board had
 * before (1 in 1,000), or any reboot seen through an external broker, therefore arrives exactly as a reconnect: an
 * `alive` (whose `heap` and `ip` may change on a reconnect as well) followed by the queue's replay. If the flash copy
 * it replays still holds messages answered before the reboot, they are taken for new ones — a use of the same length
 * replayed twice is then recorded twice — and the broker cannot know: a reconnect with two same-length uses sends the
 * very same bytes in the same order. The other reading (every reconnect a possible reboot, the burst rules always)
 * would lose the second of two real same-length uses on every ordinary reconnect, the common case, to spare the rare
 * one. Nor does the old TCP connection tell: a power cut or crash leaves it half-open exactly like a Wi-Fi drop that
 * the board survives with its queue in memory. With several backends in one shared group on an external broker each
 * sees only part of a board's messages, so neither the queue nor a burst is followed whole there; run one backend
 * per broker where boards replay.
 */
export class ReplayBursts {
  private readonly boards = new Map<number, BoardQueue>();
  private saved = "";

  constructor(
    private readonly gapMs = BURST_GAP_MS,
    private readonly file?: string,
  ) {
    if (file) this.load(file);
  }

  /** The board's `alive` (sent on every connect). */
  connected(boardId: number, clientId: string | undefined): void {
    const board = this.boards.get(boardId);
    if (board && board.continues && clientId !== undefined && board.clientId === clientId) return; // a reconnect
    this.boards.set(boardId, { clientId, continues: false });
    this.save();
  }

  /** A live request from the board: its queue is empty now; `queued` is the request itself if the board queues such. */
  live(boardId: number, clientId: string | undefined, queued?: string): void {
    this.boards.set(boardId, { clientId, continues: clientId !== undefined, last: queued });
    this.save();
  }

  /** A replayed startuse: where it stands (undefined: not known). */
  start(boardId: number, clientId: string | undefined, uid: string, now = Date.now()): QueuePlacement | undefined {
    const board = this.boardOf(boardId, clientId);
    const placement = this.place(board, `startuse/${uid}`);
    if (!placement) {
      const burst = this.current(board, now);
      burst.last = undefined;
      burst.openStarts.set(uid, (burst.openStarts.get(uid) ?? 0) + 1);
    }
    return placement;
  }

  /** A replayed stopuse: its place in the queue when known, else its position in its burst. */
  stop(boardId: number, clientId: string | undefined, uid: string, duration: number, now = Date.now()): ReplayBurstPosition {
    const board = this.boardOf(boardId, clientId);
    const key = `stopuse/${uid}/${duration}`;
    const placement = this.place(board, key);
    if (placement) return { ordinal: 0, paired: false, queue: placement };
    const burst = this.current(board, now);
    if (burst.last?.key === key) return burst.last.position;
    const ordinal = burst.stops.get(key) ?? 0;
    burst.stops.set(key, ordinal + 1);
    const starts = burst.openStarts.get(uid) ?? 0;
    if (starts > 0) burst.openStarts.set(uid, starts - 1);
    const position = { ordinal, paired: starts > 0 };
    burst.last = { key, position };
    return position;
  }

  /** A replayed maintenance (only its place as the last queued message matters here). */
  other(boardId: number, clientId: string | undefined, key: string): void {
    this.place(this.boardOf(boardId, clientId), key);
  }

  private place(board: BoardQueue, key: string): QueuePlacement | undefined {
    const repeat = board.last === key;
    board.last = key;
    this.save();
    if (!board.continues) return undefined;
    return repeat ? "repeat" : "continued";
  }

  /** Replays from a client id the broker has not seen connect: a reboot it missed, or a broker restart. */
  private boardOf(boardId: number, clientId: string | undefined): BoardQueue {
    const board = this.boards.get(boardId);
    if (board && (clientId === undefined || board.clientId === clientId)) return board;
    const fresh: BoardQueue = { clientId, continues: false };
    this.boards.set(boardId, fresh);
    this.save();
    return fresh;
  }

  private current(board: BoardQueue, now: number): Burst {
    let burst = board.burst;
    if (!burst || now - burst.lastAt > this.gapMs) board.burst = burst = { lastAt: now, openStarts: new Map(), stops: new Map() };
    burst.lastAt = now;
    return burst;
  }

  /** What a restarted broker needs (no bursts): written before the reply, only when it changed. */
  private save(): void {
    if (!this.file) return;
    const kept: Record<string, { clientId?: string; continues: boolean; last?: string }> = {};
    for (const [boardId, { clientId, continues, last }] of this.boards) kept[boardId] = { clientId, continues, last };
    const text = JSON.stringify(kept);
    if (text === this.saved) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.tmp`;
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, this.file);
      this.saved = text;
    } catch {
      // A read-only or full DATA_DIR: followed in memory only (a restart then falls back to the burst rules).
    }
  }

  private load(file: string): void {
    try {
      const kept = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, { clientId?: unknown; continues?: unknown; last?: unknown }>;
      for (const [id, board] of Object.entries(kept)) {
        const boardId = Number(id);
        if (!Number.isInteger(boardId) || typeof board !== "object" || board === null) continue;
        this.boards.set(boardId, {
          clientId: typeof board.clientId === "string" ? board.clientId : undefined,
          continues: board.continues === true && typeof board.clientId === "string",
          last: typeof board.last === "string" ? board.last : undefined,
        });
      }
    } catch {
      // None yet, or unreadable: every board starts unknown (the burst rules), as before.
    }
  }
}
