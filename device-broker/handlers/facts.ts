import { randomUUID } from "node:crypto";
import type { DatabaseHealth } from "../database-health";
import { ReplayBursts } from "../replay-bursts";
import type { SnapshotData } from "../snapshot/load-snapshot";
import { applyEvent, isUnavailable, WriteTimeoutError, type EventOutcome, type SpoolEvent } from "../spool/events";
import type { HandlerContext } from "./types";

type NewEvent = SpoolEvent extends infer E ? (E extends SpoolEvent ? Omit<E, "id" | "receivedAt"> & { receivedAt: Date } : never) : never;

/** Without a spool (read-only DATA_DIR), how long a board's request may wait on a write. */
const UNSPOOLED_WRITE_MS = 1_500;
/** Without a spool, facts answered for and still waiting on the database that memory keeps (a long outage); past
 * it a fact is not answered, so the board keeps it and sends it again. */
const MAX_PENDING_UNSPOOLED = 10_000;

/**
 * Records a board-written fact: through the spool when the broker has one, else straight to the database — never
 * waiting on it while it is known to be away, and at most 1.5 s otherwise (the board waits 2 s for its reply).
 *
 * Without a spool, a write the database does not take in time (away, or busy: a backup of the embedded database
 * holds its one session while it fills its cursors) is not given up on: it goes on, and the facts after it wait
 * behind it in memory, in arrival order, while the board gets its answer from the snapshot ("spooled") — every
 * request is answered, and what the boards reported lands once the database answers (lost only if the broker
 * stops first, which a spool would have survived).
 */
export async function writeFact(ctx: HandlerContext, event: NewEvent): Promise<EventOutcome | "spooled"> {
  if (ctx.writes) return ctx.writes.write(event);
  const full = { ...event, id: randomUUID(), receivedAt: event.receivedAt.toISOString() } as SpoolEvent;
  const health = ctx.health;
  if (!health) return applyEvent(ctx.db, full);
  const pending = pendingOf(ctx);
  if (health.down || pending.count > 0) return keepInMemory(ctx, health, full);
  // No deadline: the attempt may commit late, and no later fact of this broker is written before it (they queue).
  const work = applyEvent(ctx.db, full);
  try {
    return await health.bounded(UNSPOOLED_WRITE_MS, () => work);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    ctx.logger.warn(
      { err: error, kind: full.kind, machineId: full.machineId },
      "database unavailable and no spool; answered from the snapshot, written when it answers",
    );
    // Timed out: this very attempt goes on. Failed (connection lost): tried once more behind any others.
    return keepInMemory(ctx, health, full, error instanceof WriteTimeoutError ? work : undefined);
  }
}

interface PendingWrites {
  tail: Promise<void>;
  count: number;
}
const pendingWrites = new WeakMap<HandlerContext, PendingWrites>();
function pendingOf(ctx: HandlerContext): PendingWrites {
  let pending = pendingWrites.get(ctx);
  if (!pending) pendingWrites.set(ctx, (pending = { tail: Promise.resolve(), count: 0 }));
  return pending;
}

/** Queues the fact behind the writes still pending (or adopts its attempt in progress) and answers "spooled" at once. */
function keepInMemory(ctx: HandlerContext, health: DatabaseHealth, event: SpoolEvent, running?: Promise<EventOutcome>): "spooled" {
  const pending = pendingOf(ctx);
  if (pending.count >= MAX_PENDING_UNSPOOLED) {
    // Not answered: the board keeps the fact in its own queue and sends it again (an answer here would lose it).
    throw new WriteTimeoutError("database unavailable, no spool and too many facts waiting in memory");
  }
  pending.count++;
  const attempt = running ?? pending.tail.then(() => applyEvent(ctx.db, event));
  pending.tail = attempt.then(
    () => health.answered(),
    (error: unknown) => {
      if (isUnavailable(error)) health.failed(error);
      ctx.logger.error({ err: error, event }, "board fact answered from the snapshot but not recorded (no spool)");
    },
  );
  void pending.tail.finally(() => pending.count--);
  return "spooled";
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
