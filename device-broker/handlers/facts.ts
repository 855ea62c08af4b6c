import { randomUUID } from "node:crypto";
import { ReplayBursts } from "../replay-bursts";
import type { SnapshotData } from "../snapshot/load-snapshot";
import { applyEvent, type EventOutcome, type SpoolEvent } from "../spool/events";
import type { BoardRequest, HandlerContext } from "./types";
import { writeUnspooled } from "./unspooled-writes";

type NewEvent = SpoolEvent extends infer E ? (E extends SpoolEvent ? Omit<E, "id" | "receivedAt"> & { receivedAt: Date } : never) : never;

/**
 * Records a board-written fact: through the spool when the broker has one (board-writes.ts), else straight to the
 * database, acknowledged only once committed (unspooled-writes.ts). "spooled": durably queued, not yet in the
 * database; "unrecorded": not kept at all (telemetry, a heartbeat) — either way the answer comes from the snapshot.
 */
export async function writeFact(ctx: HandlerContext, event: NewEvent): Promise<EventOutcome | "spooled" | "unrecorded"> {
  if (ctx.writes) return ctx.writes.write(event);
  const full = { ...event, id: randomUUID(), receivedAt: event.receivedAt.toISOString() } as SpoolEvent;
  return ctx.health ? writeUnspooled(ctx, ctx.health, full) : applyEvent(ctx.db, full);
}

/** The loaded snapshot, or null while there is none (then the handlers ask the database). */
export const snapshotOf = (ctx: HandlerContext): SnapshotData | null => ctx.snapshot?.data ?? null;

/**
 * Who a board's offline queue is followed as (replay-bursts.ts): the MQTT client id it connected with on the embedded
 * broker; on an external broker, which hides client ids from its subscribers, the board's topic machine/<id> — there
 * every connect looks like a reconnect with the same id (see replay-bursts.ts on what that cannot tell apart).
 */
export const queueHolderOf = (req: BoardRequest): string => req.from?.clientId ?? `machine/${req.boardId}`;

// One burst tracker per handler context (one per broker or external client), like the per-machine queue.
const bursts = new WeakMap<HandlerContext, ReplayBursts>();
export function replayBurstsOf(ctx: HandlerContext): ReplayBursts {
  let tracker = bursts.get(ctx);
  if (!tracker) bursts.set(ctx, (tracker = new ReplayBursts(undefined, ctx.replayQueueFile)));
  return tracker;
}
