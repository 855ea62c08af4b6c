import type { Db } from "@/lib/db/client";
import { recordBoardAlive } from "@/lib/domain/usage/record-board-alive";
import { recordBoardMaintenance, type MaintenanceOutcome } from "@/lib/domain/usage/record-maintenance";
import { recordUnknownCard } from "@/lib/domain/usage/record-unknown-card";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "@/lib/domain/usage/record-usage";
import type { UsageOutcome } from "@/lib/domain/usage/events";

/** A board-written fact as it is spooled: JSON-safe, with its own id and the time the broker received it. */
export type SpoolEvent = { id: string; receivedAt: string; machineId: number } & (
  | { kind: "startuse"; uid: string; replay: boolean }
  | { kind: "inuse" | "stopuse"; uid: string; replay: boolean; duration: number }
  | { kind: "maintenance"; uid: string; replay: boolean }
  | { kind: "unknown_card"; uid: string }
  | { kind: "alive"; clientId?: string; version?: string; ip?: string; serial?: string; heap?: string | number }
);

export type EventOutcome = UsageOutcome | MaintenanceOutcome | { firstSeen: boolean } | undefined;

/** Applies one event with the domain's idempotent record functions (the same event twice records it once). */
export async function applyEvent(db: Db, ev: SpoolEvent): Promise<EventOutcome> {
  const receivedAt = new Date(ev.receivedAt);
  switch (ev.kind) {
    case "startuse":
      return recordUsageStart(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, receivedAt });
    case "inuse":
      return recordUsageHeartbeat(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, duration: ev.duration, receivedAt });
    case "stopuse":
      return recordUsageStop(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, duration: ev.duration, receivedAt });
    case "maintenance":
      return recordBoardMaintenance(db, { machineId: ev.machineId, uid: ev.uid, replay: ev.replay, receivedAt });
    case "unknown_card":
      await recordUnknownCard(db, { uid: ev.uid, machineId: ev.machineId, receivedAt });
      return undefined;
    case "alive":
      return recordBoardAlive(db, { machineId: ev.machineId, clientId: ev.clientId, version: ev.version, ip: ev.ip, serial: ev.serial, heap: ev.heap, receivedAt });
  }
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
 * write (a constraint, a bug), which spooling would only repeat forever.
 */
export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.code === "string") {
      if (NETWORK_CODES.has(e.code)) return true;
      // SQLSTATE classes 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown).
      if (/^(08|53|57)[0-9A-Z]{3}$/.test(e.code)) return true;
    }
    if (e.cause) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}
