import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { scheduledJobRuns } from "@/lib/db/schema";

/** A run still marked running after this long is taken to have died with its instance and may be claimed again. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Claims `job` for `period` in one statement: a new row, or a failed (or stale running) one taken over. Returns
 * the attempt number, or null when another instance has it or it already succeeded. The row lock of
 * INSERT … ON CONFLICT makes two instances racing for the same period get exactly one claim.
 */
export async function claimRun(db: Db, job: string, period: string, instanceId: string, now = new Date()): Promise<number | null> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const [row] = await db
    .insert(scheduledJobRuns)
    .values({ job, period, instanceId, startedAt: now })
    .onConflictDoUpdate({
      target: [scheduledJobRuns.job, scheduledJobRuns.period],
      set: { outcome: "running", attempts: sql`${scheduledJobRuns.attempts} + 1`, instanceId, startedAt: now, finishedAt: null, detail: null },
      setWhere: or(eq(scheduledJobRuns.outcome, "failed"), and(eq(scheduledJobRuns.outcome, "running"), lt(scheduledJobRuns.startedAt, staleBefore))),
    })
    .returning({ attempts: scheduledJobRuns.attempts });
  return row?.attempts ?? null;
}

export async function finishRun(db: Db, job: string, period: string, outcome: "ok" | "failed", detail: string | null, now = new Date()): Promise<void> {
  await db
    .update(scheduledJobRuns)
    .set({ outcome, detail: detail?.slice(0, 1000) ?? null, finishedAt: now })
    .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.period, period)));
}

/** The claims are bookkeeping only: older than `days` they go (the daily purge calls this). */
export async function pruneJobRuns(db: Db, now = new Date(), days = 90): Promise<number> {
  const rows = await db
    .delete(scheduledJobRuns)
    .where(lt(scheduledJobRuns.startedAt, new Date(now.getTime() - days * 86_400_000)))
    .returning({ job: scheduledJobRuns.job });
  return rows.length;
}

/** A run by hand (`npm run job`), kept beside the scheduled ones under its own period "manual:<time>". */
export async function recordManualRun(
  db: Db,
  job: string,
  instanceId: string,
  startedAt: Date,
  outcome: "ok" | "failed",
  detail: string | null,
  now = new Date(),
): Promise<void> {
  await db
    .insert(scheduledJobRuns)
    .values({ job, period: `manual:${startedAt.toISOString()}`, instanceId, startedAt, outcome, finishedAt: now, detail: detail?.slice(0, 1000) ?? null });
}

/** When `job` last finished well (scheduled or by hand), or null. */
export async function lastSuccessOf(db: Db, job: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: scheduledJobRuns.finishedAt })
    .from(scheduledJobRuns)
    .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.outcome, "ok")))
    .orderBy(desc(scheduledJobRuns.finishedAt))
    .limit(1);
  return row?.at ?? null;
}
