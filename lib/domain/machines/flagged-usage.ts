import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { withShownNames } from "../people/shown-names";
import type { Viewer } from "../people/visibility";
import type { ImplausibleReason } from "../usage/decide-usage-plausibility";
import { fail, type Result } from "../usage/result";
import { mayRunMachine } from "./machine-owner";

/*
 * Sessions a board reported with a duration that cannot be true (lib/domain/usage/flag-session.ts). They count
 * nowhere until the machine's staff or an owner of its type accepts one (it then counts like any other) or deletes
 * it (delete-records.ts, with a reason). Both are audited.
 */

/** How many flagged sessions the operations page lists at most (newest first); there should be none. */
export const FLAGGED_LIST_LIMIT = 50;

export interface FlaggedSession {
  id: number;
  personId: number | null;
  personName: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordedAs: string;
  reason: ImplausibleReason;
}

const mayJudge = (db: Db, actorId: number, machineId: number) => mayRunMachine(db, actorId, machineId, ["machines.operate", "equipment.manage"]);

/** A machine's flagged sessions, newest first, named as the viewer may see them. */
export async function flaggedSessionsOf(db: Db, viewer: Viewer, machineId: number): Promise<{ rows: FlaggedSession[]; total: number }> {
  const where = and(eq(usageSessions.machineId, machineId), isNotNull(usageSessions.flaggedReason));
  const rows = await db
    .select({
      id: usageSessions.id,
      personId: usageSessions.personId,
      startedAt: usageSessions.startedAt,
      endedAt: usageSessions.endedAt,
      durationSeconds: usageSessions.durationSeconds,
      recordedAs: usageSessions.recordedAs,
      reason: usageSessions.flaggedReason,
    })
    .from(usageSessions)
    .where(where)
    .orderBy(desc(usageSessions.startedAt), desc(usageSessions.id))
    .limit(FLAGGED_LIST_LIMIT + 1);
  const shown = await withShownNames(
    db,
    viewer,
    rows.slice(0, FLAGGED_LIST_LIMIT).map((r) => ({ ...r, reason: r.reason! })),
  );
  return { rows: shown, total: rows.length };
}

/** How many sessions of a machine are flagged (the partial index answers). */
export async function flaggedCountOf(db: Db, machineId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, machineId), isNotNull(usageSessions.flaggedReason)));
  return row?.n ?? 0;
}

export type AcceptFailure = "forbidden" | "not_found" | "not_flagged";

/**
 * Accepts a flagged session: from now on it counts in the machine's hours, its maintenance counters and the usage
 * statistics (the counters' triggers add it). The audit entry keeps why it had been flagged.
 */
export async function acceptFlaggedSession(db: Db, actorId: number, sessionId: number): Promise<Result<object, AcceptFailure>> {
  const [session] = await db.select().from(usageSessions).where(eq(usageSessions.id, sessionId));
  // Permission before existence: otherwise anyone could probe which sessions exist.
  if (!session || !(await mayJudge(db, actorId, session.machineId)))
    return session ? fail("forbidden", "You may not accept usage of this machine.") : fail("not_found", "This session does not exist.");
  return db.transaction(async (tx) => {
    const [accepted] = await tx
      .update(usageSessions)
      .set({ flaggedReason: null })
      .where(and(eq(usageSessions.id, sessionId), isNotNull(usageSessions.flaggedReason)))
      .returning();
    if (!accepted) return fail("not_flagged", "This session is not flagged (accepted or deleted meanwhile).");
    await recordAudit(tx, {
      actorId,
      subjectPersonId: accepted.personId,
      changeType: "usage.accept",
      entity: "usage_session",
      entityId: sessionId,
      before: { flaggedReason: session.flaggedReason },
      after: { machineId: accepted.machineId, startedAt: accepted.startedAt.toISOString(), durationSeconds: accepted.durationSeconds },
    });
    return { ok: true as const };
  });
}
