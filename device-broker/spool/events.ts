import { inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import { boardEventReceipts } from "@/lib/db/schema";
import { recordBoardAlive } from "@/lib/domain/usage/record-board-alive";
import { recordBoardMaintenance, type MaintenanceOutcome } from "@/lib/domain/usage/record-maintenance";
import { recordUnknownCard } from "@/lib/domain/usage/record-unknown-card";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "@/lib/domain/usage/record-usage";
import type { QueuePlacement, ReplayBurstPosition, UsageOutcome } from "@/lib/domain/usage/events";

/** A board-written fact as it is spooled: JSON-safe, with its own id and the time the broker received it. */
export type SpoolEvent = { id: string; receivedAt: string; machineId: number } & (
  | { kind: "startuse"; uid: string; replay: boolean; queue?: QueuePlacement }
  | { kind: "inuse"; uid: string; replay: boolean; duration: number }
  | { kind: "stopuse"; uid: string; replay: boolean; duration: number; burst?: ReplayBurstPosition }
  | { kind: "maintenance"; uid: string; replay: boolean }
  | { kind: "unknown_card"; uid: string }
  | { kind: "alive"; clientId?: string; version?: string; ip?: string; serial?: string; heap?: string | number }
);

export type EventOutcome = UsageOutcome | MaintenanceOutcome | { firstSeen: boolean } | undefined;

export interface ApplyOptions {
  /**
   * Epoch ms after which the caller has given up on this attempt (and spooled or will retry the event): the
   * attempt then rolls back instead of committing late, after events that came after it.
   */
  deadline?: number;
}

/**
 * Applies one event exactly once: its receipt (the event id, unique) is written in the same transaction, so the
 * same event applied again — a timed-out attempt that committed after all, a spool drained twice — changes
 * nothing. An attempt past its deadline rolls back.
 */
export async function applyEvent(db: Db, ev: SpoolEvent, options: ApplyOptions = {}): Promise<EventOutcome> {
  const receivedAt = new Date(ev.receivedAt);
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(boardEventReceipts)
      .values({ eventId: ev.id, receivedAt })
      .onConflictDoNothing()
      .returning({ eventId: boardEventReceipts.eventId })
      .prepare("board_event_receipt")
      .execute();
    const outcome = fresh ? await record(tx, ev, receivedAt) : alreadyApplied(ev);
    if (options.deadline !== undefined && Date.now() > options.deadline) throw new WriteTimeoutError("gave up on this write; rolled back");
    return outcome;
  });
}

/**
 * Applies spooled events in their order in one transaction (the drain): each exactly once as applyEvent does, their
 * receipts written by one statement for all of them, so a batch costs one BEGIN, one receipt round trip and one
 * COMMIT instead of one each per event (issue 21: the spool drained at 1–2 events/s on a busy box). Each event is
 * recorded after the ones before it, in the same transaction, so it sees them as it would one by one. Past
 * `budgetMs` of work it stops after the event it is at (on the embedded database the transaction holds the one
 * session from the web): the outcomes are those of the events applied, the first ones, and the receipts of the
 * rest are taken back. A refusal of any rolls back all: the caller applies them one by one then, to set aside
 * only the one refused.
 */
export async function applyEvents(db: Db, events: SpoolEvent[], options: ApplyOptions & { budgetMs?: number } = {}): Promise<EventOutcome[]> {
  if (events.length === 1) return [await applyEvent(db, events[0]!, options)];
  return db.transaction(async (tx) => {
    const started = Date.now();
    const receipts = JSON.stringify(events.map((ev) => ({ id: ev.id, at: ev.receivedAt })));
    const written = await executePrepared<{ event_id: string }>(
      tx,
      "board_event_receipts",
      sql`insert into board_event_receipts (event_id, received_at)
        select (e->>'id')::uuid, (e->>'at')::timestamptz from jsonb_array_elements(${receipts}::jsonb) e
        on conflict do nothing returning event_id`,
    );
    // An id twice in the batch (a write that committed late and was spooled too) has one receipt: applied once.
    const fresh = new Set(written.map((r) => r.event_id));
    const outcomes: EventOutcome[] = [];
    for (const ev of events) {
      if (outcomes.length > 0 && options.budgetMs !== undefined && Date.now() - started >= options.budgetMs) break;
      outcomes.push(fresh.delete(ev.id) ? await record(tx, ev, new Date(ev.receivedAt)) : alreadyApplied(ev));
    }
    // Cut short: the events left are not applied, so neither are their receipts.
    if (outcomes.length < events.length && fresh.size > 0) {
      await tx.delete(boardEventReceipts).where(inArray(boardEventReceipts.eventId, [...fresh]));
    }
    if (options.deadline !== undefined && Date.now() > options.deadline) throw new WriteTimeoutError("gave up on these writes; rolled back");
    return outcomes;
  });
}

/** What an event already applied answers (only a spool replay sees it; the board got its reply long ago). */
function alreadyApplied(ev: SpoolEvent): EventOutcome {
  switch (ev.kind) {
    case "startuse":
    case "inuse":
    case "stopuse":
      return { ok: true, effect: "duplicate", sessionId: null };
    case "maintenance":
      return { ok: true, planIds: [] };
    case "alive":
      return { firstSeen: false };
    case "unknown_card":
      return undefined;
  }
}

async function record(db: Db, ev: SpoolEvent, receivedAt: Date): Promise<EventOutcome> {
  switch (ev.kind) {
    case "startuse":
      return recordUsageStart(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, queue: ev.queue, receivedAt });
    case "inuse":
      return recordUsageHeartbeat(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, duration: ev.duration, receivedAt });
    case "stopuse":
      return recordUsageStop(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, duration: ev.duration, burst: ev.burst, receivedAt });
    case "maintenance":
      return recordBoardMaintenance(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, receivedAt });
    case "unknown_card":
      await recordUnknownCard(db, { uid: ev.uid, machineId: ev.machineId, receivedAt });
      return undefined;
    case "alive":
      return recordBoardAlive(db, {
        machineId: ev.machineId,
        clientId: ev.clientId,
        version: ev.version,
        ip: ev.ip,
        serial: ev.serial,
        heap: ev.heap,
        receivedAt,
      });
  }
}

/** Receipts older than this cannot be applied again (nothing stays spooled that long unnoticed); purged hourly. */
export const RECEIPT_RETENTION_DAYS = 7;

export async function purgeEventReceipts(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RECEIPT_RETENTION_DAYS * 86_400_000);
  const rows = await db.delete(boardEventReceipts).where(lt(boardEventReceipts.receivedAt, before)).returning({ id: boardEventReceipts.eventId });
  return rows.length;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "WRITE_TIMEOUT",
]);

export class WriteTimeoutError extends Error {
  code = "WRITE_TIMEOUT";
}

/**
 * The database cannot take writes now (down, unreachable, restarting, too slow) — as opposed to refusing this
 * write (a constraint, a bug), which spooling would only repeat forever. A cancelled statement (57014: a cancel,
 * a statement_timeout) counts too: tried again later it goes through. So do a lost race with another writer
 * (serialization failure, deadlock, a lock not available): set aside as refused, a board's use would be lost.
 */
export function isUnavailable(error: unknown): boolean {
  return codesOf(error).some((code) => NETWORK_CODES.has(code) || ANSWERED_TRY_AGAIN.has(code) || /^(08|53|57)[0-9A-Z]{3}$/.test(code));
}

/**
 * The failure says the database is away (database-health.ts): unavailable, but not a statement cancelled or a lost
 * race — only a database that answers reports those (a bounded attempt that gave up counts as away by its
 * WriteTimeoutError).
 */
export function isDatabaseAway(error: unknown): boolean {
  return isUnavailable(error) && !codesOf(error).some((code) => ANSWERED_TRY_AGAIN.has(code));
}

/** Answers of a working database that mean "this time, not this write": query_canceled, serialization_failure, deadlock_detected, lock_not_available. */
const ANSWERED_TRY_AGAIN = new Set(["57014", "40001", "40P01", "55P03"]);

/**
 * Every `code` in the error, its causes and aggregated errors: network codes, postgres.js's own, SQLSTATEs (classes
 * 08 connection exception, 53 insufficient resources, 57 operator intervention such as a shutdown).
 */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.code === "string") codes.push(e.code);
    if (e.cause) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return codes;
}
