import { and, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { enqueueUsageStopped } from "../webhooks/outbox";

/** A board sends inuse every 30 s; an hour without one means its stopuse is lost for good (or the board died). */
export const SILENT_SESSION_MS = 60 * 60 * 1000;

/**
 * Closes open sessions not heard from for over an hour, ending them at their last heartbeat (no unseen hours).
 * The broker calls this every minute; a later inuse/stopuse for the same card reopens or completes the session.
 * One statement: PostgreSQL re-checks the condition on rows a concurrent heartbeat just touched. Webhook receivers
 * get usage.stopped for each, in the same transaction.
 */
export async function closeSilentSessions(db: Db, now = new Date(), silentMs = SILENT_SESSION_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - silentMs);
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(usageSessions)
      .set({
        endedAt: sql`${usageSessions.lastHeartbeatAt}`,
        durationSeconds: sql`greatest(0, round(extract(epoch from ${usageSessions.lastHeartbeatAt} - ${usageSessions.startedAt})))::integer`,
        endedBecause: "stale",
      })
      .where(and(isNull(usageSessions.endedAt), lt(usageSessions.lastHeartbeatAt, cutoff)))
      .returning({ id: usageSessions.id });
    await enqueueUsageStopped(
      tx,
      closed.map((c) => c.id),
    );
    return closed.length;
  });
}
