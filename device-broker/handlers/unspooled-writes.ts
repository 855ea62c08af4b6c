import type { DatabaseHealth } from "../database-health";
import { applyEvent, isUnavailable, WriteTimeoutError, type EventOutcome, type SpoolEvent } from "../spool/events";
import type { HandlerContext } from "./types";

/** How long after the broker received it a board's fact may still be written (the board waits 2 s for its reply). */
export const UNSPOOLED_WRITE_MS = 1_500;
/** How long a telemetry fact (alive, unknown card) holds up the board's next request before it goes on detached. */
const SIDE_FACT_WAIT_MS = 300;

/** What a write without a spool gives: the domain's outcome, or "unrecorded" (answer from the snapshot, nothing kept). */
export type UnspooledOutcome = EventOutcome | "unrecorded";

/**
 * Board facts without a spool (DATA_DIR read-only or absent): nothing is acknowledged before it is durable.
 *
 * - startuse, stopuse, maintenance — what the firmware keeps in its offline queue when unanswered (board-protocol.md,
 *   "Offline buffering and replay") — are answered only once committed. While the database is away, or when it does
 *   not commit within the board's budget (counted from the message's arrival), the request gets no answer: the
 *   board keeps the fact in flash and sends it again, replayed, after it reconnects, and the replay is recorded once
 *   (replay-bursts.ts places it as the board's last message sent again). An attempt given up on is cancelled, carries
 *   the same deadline and rolls back rather than commit late; one that committed just in time is what the replay's placement
 *   ("repeat") is for. The next write of the machine never runs beside an attempt given up on: it waits (within its
 *   own budget) until that one committed or rolled back, so a machine's facts are applied in the order they came.
 * - inuse is not queued by the firmware: unanswered or answered, a heartbeat the database did not take is gone, and
 *   the stop carries the use's duration. It is written like the facts above and, if that fails, answered from the
 *   snapshot ("unrecorded") so the board does not drop its connection for nothing.
 * - alive and an unknown card's swipe (telemetry, never replayed) are written beside the above, awaited briefly so
 *   a card check is not held up; at most one per machine at a time, skipped while the database is away.
 *
 * Before (e7b577f) such facts were answered at once and kept in memory until the database took them: lost if the
 * broker stopped first. With a spool (every normal install) board-writes.ts keeps them on disk instead.
 */
export function writeUnspooled(ctx: HandlerContext, health: DatabaseHealth, event: SpoolEvent): Promise<UnspooledOutcome> {
  switch (event.kind) {
    case "alive":
    case "unknown_card":
      return writeSideFact(ctx, health, event);
    case "inuse":
      return writeInOrder(ctx, health, event).catch((error: unknown) => {
        if (!isUnavailable(error)) throw error;
        return "unrecorded" as const;
      });
    default:
      return writeInOrder(ctx, health, event);
  }
}

const laneOf = (machineId: number) => `board facts, machine ${machineId}`;

async function writeInOrder(ctx: HandlerContext, health: DatabaseHealth, event: SpoolEvent): Promise<EventOutcome> {
  if (health.down) throw new WriteTimeoutError("database away and no spool: not answered, the board keeps the fact and sends it again");
  const deadline = new Date(event.receivedAt).getTime() + (ctx.unspooledWriteMs ?? UNSPOOLED_WRITE_MS);
  const lane = laneOf(event.machineId);
  if (health.pending(lane)) await within(health.settled(lane), deadline);
  const remaining = deadline - Date.now();
  if (remaining <= 0 || health.pending(lane)) {
    ctx.metrics.databaseTimeouts++;
    throw new WriteTimeoutError("an earlier write of this machine has not settled: not answered, the board sends it again");
  }
  // Bounded on the machine's lane: given up on, the attempt stays the lane's until it committed or rolled back.
  return health.bounded(remaining, () => applyEvent(ctx.db, event, { deadline }), lane);
}

const sideWrites = new WeakMap<HandlerContext, Set<number>>();

async function writeSideFact(ctx: HandlerContext, health: DatabaseHealth, event: SpoolEvent): Promise<UnspooledOutcome> {
  let busy = sideWrites.get(ctx);
  if (!busy) sideWrites.set(ctx, (busy = new Set()));
  if (health.down || busy.has(event.machineId)) return "unrecorded";
  const machines = busy;
  machines.add(event.machineId);
  const deadline = new Date(event.receivedAt).getTime() + (ctx.unspooledWriteMs ?? UNSPOOLED_WRITE_MS);
  const work = applyEvent(ctx.db, event, { deadline }).finally(() => machines.delete(event.machineId));
  const settled = work.then(
    (outcome) => {
      health.answered();
      return outcome;
    },
    (error: unknown) => {
      health.failed(error); // down only if the failure says the database is away
      ctx.logger.warn({ err: error, kind: event.kind, machineId: event.machineId }, "board telemetry not recorded (no spool)");
      return "unrecorded" as const;
    },
  );
  const waited = await within(settled, Date.now() + SIDE_FACT_WAIT_MS);
  return waited.done ? waited.value : "unrecorded";
}

/** Waits for `work` until `deadline` (epoch ms); never rejects for the timeout. */
async function within<T>(work: Promise<T>, deadline: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => (timer = setTimeout(() => resolve({ done: false }), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
