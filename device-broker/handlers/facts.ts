import { randomUUID } from "node:crypto";
import { ReplayBursts } from "../replay-bursts";
import type { SnapshotData } from "../snapshot/load-snapshot";
import { applyEvent, type EventOutcome, type SpoolEvent } from "../spool/events";
import type { HandlerContext } from "./types";

type NewEvent = SpoolEvent extends infer E ? (E extends SpoolEvent ? Omit<E, "id" | "receivedAt"> & { receivedAt: Date } : never) : never;

/** Records a board-written fact: through the spool when the broker has one, else straight to the database. */
export function writeFact(ctx: HandlerContext, event: NewEvent): Promise<EventOutcome | "spooled"> {
  if (ctx.writes) return ctx.writes.write(event);
  return applyEvent(ctx.db, { ...event, id: randomUUID(), receivedAt: event.receivedAt.toISOString() } as SpoolEvent);
}

/** The loaded snapshot, or null while there is none (then the handlers ask the database). */
export const snapshotOf = (ctx: HandlerContext): SnapshotData | null => ctx.snapshot?.data ?? null;

// One burst tracker per handler context (one per broker or external client), like the per-machine queue.
const bursts = new WeakMap<HandlerContext, ReplayBursts>();
export function replayBurstsOf(ctx: HandlerContext): ReplayBursts {
  let tracker = bursts.get(ctx);
  if (!tracker) bursts.set(ctx, (tracker = new ReplayBursts()));
  return tracker;
}
