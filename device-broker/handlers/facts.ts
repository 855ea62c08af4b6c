import { randomUUID } from "node:crypto";
import { ReplayBursts } from "../replay-bursts";
import type { SnapshotData } from "../snapshot/load-snapshot";
import { applyEvent, WriteTimeoutError, type EventOutcome, type SpoolEvent } from "../spool/events";
import type { HandlerContext } from "./types";

type NewEvent = SpoolEvent extends infer E ? (E extends SpoolEvent ? Omit<E, "id" | "receivedAt"> & { receivedAt: Date } : never) : never;

/** Without a spool (read-only DATA_DIR), how long a board's request may wait on a write. */
const UNSPOOLED_WRITE_MS = 1_500;

/**
 * Records a board-written fact: through the spool when the broker has one, else straight to the database — never
 * waiting on it while it is known to be away, and at most 1.5 s otherwise (the board waits 2 s for its reply).
 */
export function writeFact(ctx: HandlerContext, event: NewEvent): Promise<EventOutcome | "spooled"> {
  if (ctx.writes) return ctx.writes.write(event);
  const apply = (deadline?: number) =>
    applyEvent(ctx.db, { ...event, id: randomUUID(), receivedAt: event.receivedAt.toISOString() } as SpoolEvent, { deadline });
  const health = ctx.health;
  if (!health) return apply();
  if (health.down) return Promise.reject(new WriteTimeoutError("database away and no spool to keep the fact in"));
  return health.bounded(UNSPOOLED_WRITE_MS, () => apply(Date.now() + UNSPOOLED_WRITE_MS));
}

/** The loaded snapshot, or null while there is none (then the handlers ask the database). */
export const snapshotOf = (ctx: HandlerContext): SnapshotData | null => ctx.snapshot?.data ?? null;

// One burst tracker per handler context (one per broker or external client), like the per-machine queue.
const bursts = new WeakMap<HandlerContext, ReplayBursts>();
export function replayBurstsOf(ctx: HandlerContext): ReplayBursts {
  let tracker = bursts.get(ctx);
  if (!tracker) bursts.set(ctx, (tracker = new ReplayBursts(undefined, ctx.replayQueueFile)));
  return tracker;
}
