import type { ReplayBurstPosition } from "@/lib/domain/usage/events";

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

/**
 * A board's offline queue arrives as a burst of replayed messages, and the same queue may arrive again (replies
 * lost, a reboot). Replays carry no timestamp, so a replayed stop is told by its place in its burst: the k-th stop
 * of a card with a duration in one burst is the k-th in the next (two uses of one duration are two stops with a start
 * between them; the same stop twice in a row is one stop sent again). A live message or `alive` (a board
 * connecting) ends a machine's burst. In memory: after a restart, the next burst simply starts afresh.
 */
export class ReplayBursts {
  private readonly bursts = new Map<number, Burst>();

  constructor(private readonly gapMs = BURST_GAP_MS) {}

  end(machineId: number): void {
    this.bursts.delete(machineId);
  }

  start(machineId: number, uid: string, now = Date.now()): void {
    const burst = this.current(machineId, now);
    burst.last = undefined;
    burst.openStarts.set(uid, (burst.openStarts.get(uid) ?? 0) + 1);
  }

  stop(machineId: number, uid: string, duration: number, now = Date.now()): ReplayBurstPosition {
    const burst = this.current(machineId, now);
    const key = `${uid}/${duration}`;
    if (burst.last?.key === key) return burst.last.position;
    const ordinal = burst.stops.get(key) ?? 0;
    burst.stops.set(key, ordinal + 1);
    const starts = burst.openStarts.get(uid) ?? 0;
    if (starts > 0) burst.openStarts.set(uid, starts - 1);
    const position = { ordinal, paired: starts > 0 };
    burst.last = { key, position };
    return position;
  }

  private current(machineId: number, now: number): Burst {
    let burst = this.bursts.get(machineId);
    if (!burst || now - burst.lastAt > this.gapMs) {
      burst = { lastAt: now, openStarts: new Map(), stops: new Map() };
      this.bursts.set(machineId, burst);
    }
    burst.lastAt = now;
    // Bounded by the machines whose boards replay: a few dozen entries at most.
    return burst;
  }
}
