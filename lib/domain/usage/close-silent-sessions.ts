import { and, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";

/** A board sends inuse every 30 s; an hour without one means its stopuse is lost for good (or the board died). */
export const SILENT_SESSION_MS = 60 * 60 * 1000;

/**
 * Closes open sessions not heard from for over an hour, ending them at their last heartbeat (no unseen hours).
 * The broker calls this every minute; a later inuse/stopuse for the same card reopens or completes the session.
 * One statement: PostgreSQL re-checks the condition on rows a concurrent heartbeat just touched.
 */
export async function closeSilentSessions(db: Db, now = new Date(), silentMs = SILENT_SESSION_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - silentMs);
  const closed = await db
    .update(usageSessions)
    .set({
      endedAt: sql`${usageSessions.lastHeartbeatAt}`,
      durationSeconds: sql`greatest(0, round(extract(epoch from ${usageSessions.lastHeartbeatAt} - ${usageSessions.startedAt})))::integer`,
      endedBecause: "stale",
    })
    .where(and(isNull(usageSessions.endedAt), lt(usageSessions.lastHeartbeatAt, cutoff)))
    .returning({ id: usageSessions.id });
  return closed.length;
}
