import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import { cards, machines, usageSessions, type UsageSession } from "@/lib/db/schema";
import { enqueueUsageStopped } from "../webhooks/outbox";

/*
 * The board write path's reads and writes are named prepared statements (lib/db/prepared.ts: one round trip each,
 * and several sent together share one); each calls its statement's execute() before anything else it awaits, so
 * the order of the calls is the order the server runs them in (record-usage.ts reads under the machine's lock so).
 */

/**
 * The person who holds (or last held) a card. Usage is a fact even for a card lost since: a replayed stop from
 * before the loss still belongs to its holder. null when nobody ever held the uid.
 */
export async function cardHolderId(db: Db, uid: string): Promise<number | null> {
  const [row] = await db
    .select({ personId: cards.personId })
    .from(cards)
    .where(eq(cards.uid, uid))
    .orderBy(desc(eq(cards.state, "active")), desc(cards.issuedAt))
    .limit(1)
    .prepare("card_holder")
    .execute();
  return row?.personId ?? null;
}

/** Serialises every usage write of one machine (row lock), so the open-session checks below cannot race. */
export async function lockMachine(tx: Db, machineId: number): Promise<boolean> {
  const rows = await tx.select({ id: machines.id }).from(machines).where(eq(machines.id, machineId)).for("update").prepare("lock_machine").execute();
  return rows.length > 0;
}

export async function openSessionOf(tx: Db, machineId: number): Promise<UsageSession | undefined> {
  const [row] = await tx
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), isNull(usageSessions.endedAt)))
    .prepare("open_session")
    .execute();
  return row;
}

/** The most recently started session on a machine, optionally only for one card. */
export async function latestSession(tx: Db, machineId: number, uid?: string): Promise<UsageSession | undefined> {
  const [row] = await tx
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), uid ? eq(usageSessions.cardUid, uid) : undefined))
    .orderBy(desc(usageSessions.startedAt), desc(usageSessions.id))
    .limit(1)
    .prepare("latest_session")
    .execute();
  return row;
}

/** The most recently closed session of a card on a machine. */
export async function latestClosedSession(tx: Db, machineId: number, uid: string): Promise<UsageSession | undefined> {
  const [row] = await tx
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid), isNotNull(usageSessions.endedAt)))
    .orderBy(desc(usageSessions.endedAt), desc(usageSessions.id))
    .limit(1)
    .prepare("latest_closed_session")
    .execute();
  return row;
}

export const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
export const secondsBefore = (at: Date, seconds: number) => new Date(at.getTime() - seconds * 1000);

/**
 * Ends a session nobody stopped: at the last moment we know it was in use (its last heartbeat), never later,
 * so a lost stopuse adds no hours that were not seen. Webhook receivers hear of it as usage.stopped.
 */
export async function closeUnstopped(tx: Db, session: UsageSession, because: "stale" | "superseded"): Promise<void> {
  const endedAt = session.lastHeartbeatAt;
  await tx
    .update(usageSessions)
    .set({ endedAt, durationSeconds: secondsBetween(session.startedAt, endedAt), endedBecause: because })
    .where(eq(usageSessions.id, session.id))
    .prepare("close_unstopped")
    .execute();
  await enqueueUsageStopped(tx, [session.id]);
}

/** How much shorter than recorded a board's duration may be and still describe the same session (clock jitter). */
export const SAME_SESSION_TOLERANCE_SECONDS = 60;

/**
 * A session closed for silence that this inuse/stopuse continues: the latest on the machine, same card, and the
 * board's duration covers what was recorded. The board was only offline, the member kept working.
 */
export async function resumableStaleSession(tx: Db, machineId: number, uid: string, duration: number): Promise<UsageSession | undefined> {
  const latest = await latestSession(tx, machineId);
  if (!latest || latest.cardUid !== uid || latest.endedBecause !== "stale") return undefined;
  return duration >= (latest.durationSeconds ?? 0) - SAME_SESSION_TOLERANCE_SECONDS ? latest : undefined;
}

/** The session a stop received at `receivedAt` closed (the same stop applied again finds it). */
export async function sessionClosedBy(tx: Db, machineId: number, uid: string, receivedAt: Date): Promise<UsageSession | undefined> {
  const [row] = await tx
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), eq(usageSessions.cardUid, uid), eq(usageSessions.closedByEventAt, receivedAt)))
    .limit(1)
    .prepare("session_closed_by")
    .execute();
  return row;
}

/** How far back the idle facts are looked for: a session is believed for a week at most (events.ts), plus slack. */
const IDLE_LOOKBACK_MS = 15 * 24 * 3600 * 1000;

/**
 * The latest moment before `at` the board itself showed the machine idle: a card logged in live (nobody was on it
 * just before) or logged out live. Flagged sessions are no evidence; replayed and rebuilt ones carry no time the
 * board stated. null: nothing known (a new machine). Bounded to the recent sessions (index machine_id, started_at).
 */
export async function lastSeenIdle(tx: Db, machineId: number, at: Date): Promise<Date | null> {
  const since = new Date(at.getTime() - IDLE_LOOKBACK_MS).toISOString();
  const when = at.toISOString();
  const [row] = await executePrepared<{ at: string | Date | null }>(
    tx,
    "last_seen_idle",
    sql`
    select greatest(
      max(opened_by_event_at) filter (where recorded_as = 'live' and opened_by_event_at <= ${when}::timestamptz),
      max(closed_by_event_at) filter (where ended_because = 'stop' and not closed_by_replay and closed_by_event_at <= ${when}::timestamptz)
    ) as at
    from usage_sessions
    where machine_id = ${machineId} and started_at >= ${since}::timestamptz and flagged_reason is null`,
  );
  return row?.at ? new Date(row.at) : null;
}
