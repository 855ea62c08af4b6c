import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import type { UsageOutcome } from "../usage/events";
import type { WebhookEventType } from "./event-types";

/**
 * Writes an event into the outbox with one delivery per active hook subscribed to its type, in ONE statement on
 * the caller's handle: inside the change's transaction it commits or rolls back with the change. Nothing is written
 * while no hook wants the type, so the cost without subscribers is one probe of a tiny table.
 * `rows` yields the event's data as a column "data" (one row, or none for no event).
 */
async function enqueue(db: Db, type: WebhookEventType, rows: SQL): Promise<void> {
  // Prepared: the broker's usage writes run it in every start and stop (one round trip, lib/db/prepared.ts).
  await executePrepared(
    db,
    "webhook_enqueue",
    sql`with hooks as (select id from webhooks where active and ${type} = any(events)),
    ev as (insert into webhook_events (type, data) select ${type}, src.data from (${rows}) src where exists (select 1 from hooks) returning id)
    insert into webhook_deliveries (webhook_id, event_id) select hooks.id, ev.id from hooks cross join ev order by hooks.id`,
  );
}

export async function enqueueWebhookEvent(db: Db, type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
  await enqueue(db, type, sql`select ${JSON.stringify(data)}::jsonb as data`);
}

/** The `data` of usage.started / usage.stopped for the given sessions, each only if it is (still) open, resp. closed. */
const usageRows = (sessionIds: number[], open: boolean) =>
  sql`select jsonb_build_object('sessionId', s.id, 'machineId', s.machine_id, 'personId', s.person_id, 'startedAt', s.started_at, 'endedAt', s.ended_at,
    'durationSeconds', s.duration_seconds, 'recordedAs', s.recorded_as, 'endedBecause', s.ended_because, 'flaggedReason', s.flagged_reason) as data
    from usage_sessions s where s.id = any(${`{${sessionIds.join(",")}}`}::bigint[]) and s.ended_at is ${open ? sql`null` : sql`not null`} order by s.id`;

/**
 * The broker's hook: a usage session opened or closed (live, replayed or rebuilt). Called inside the machine-lock
 * transaction that recorded it; heartbeats and duplicates write nothing. A session closed for silence and then
 * continued by the same card ("reopened") is a start again, so every stop a receiver saw has a start before it.
 */
export async function enqueueUsageEvent(db: Db, outcome: UsageOutcome): Promise<void> {
  if (!outcome.ok || outcome.sessionId === null) return;
  const { effect, sessionId } = outcome;
  if (effect !== "opened" && effect !== "closed" && effect !== "reconstructed" && effect !== "reopened") return;
  // A rebuilt session is a start when it is still open (inuse without startuse), a stop when closed (stopuse alone).
  if (effect !== "closed") await enqueue(db, "usage.started", usageRows([sessionId], true));
  if (effect !== "opened" && effect !== "reopened") await enqueue(db, "usage.stopped", usageRows([sessionId], false));
}

/**
 * Sessions that ended without their card's stop — superseded by another card's start, or closed after an hour of
 * silence — are stops too (endedBecause says which). On the caller's handle, inside the transaction that closed them.
 */
export async function enqueueUsageStopped(db: Db, sessionIds: number[]): Promise<void> {
  if (sessionIds.length) await enqueue(db, "usage.stopped", usageRows(sessionIds, false));
}
