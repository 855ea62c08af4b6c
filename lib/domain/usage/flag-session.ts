import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { decideUsagePlausibility, type ImplausibleReason } from "./decide-usage-plausibility";
import type { CardDurationEvent } from "./events";
import { lastSeenIdle } from "./session-store";

/*
 * Usage sanity in the recording (issue 13): a board's stopuse/inuse whose duration cannot be true is recorded as
 * reported but flagged with the reason, so it counts nowhere (hours, maintenance, statistics; see the counters'
 * triggers) until the machine's staff accept it on the operations page (lib/domain/machines/flagged-usage.ts).
 */

/**
 * Why this report cannot be true, or null. A live report is measured against the last moment the board showed the
 * machine idle; a replay (from the board's offline queue, no time of its own) only against the absolute bounds.
 */
export async function implausibleReport(tx: Db, ev: CardDurationEvent, now = new Date()): Promise<ImplausibleReason | null> {
  return implausibleGiven(ev, ev.replay ? null : await lastSeenIdle(tx, ev.machineId, ev.receivedAt), now);
}

/** implausibleReport with the last idle moment read already (lastSeenIdle, beside the other facts of a stop). */
export function implausibleGiven(ev: CardDurationEvent, lastIdle: Date | null, now = new Date()): ImplausibleReason | null {
  const decided = decideUsagePlausibility({ durationSeconds: ev.duration, receivedAt: ev.receivedAt, startedAt: ev.replay ? null : lastIdle, now });
  return decided.plausible ? null : decided.reason;
}

/**
 * Flags a session the report just wrote (no-op without a reason or when it is flagged already). Audited as the
 * board's (no actor) so the history and audit subscribers see it; the card uid is not written.
 */
export async function flagSession(tx: Db, sessionId: number, reason: ImplausibleReason | null, reportedSeconds: number): Promise<void> {
  if (!reason) return;
  const [row] = await tx.select().from(usageSessions).where(eq(usageSessions.id, sessionId)).for("update");
  if (!row || row.flaggedReason) return;
  await tx.update(usageSessions).set({ flaggedReason: reason }).where(eq(usageSessions.id, sessionId));
  await recordAudit(tx, {
    actorId: null,
    subjectPersonId: row.personId,
    changeType: "usage.flagged",
    entity: "usage_session",
    entityId: sessionId,
    after: { machineId: row.machineId, startedAt: row.startedAt.toISOString(), durationSeconds: reportedSeconds, flaggedReason: reason },
  });
}
