import { and, desc, eq, like } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { scheduledJobRuns } from "@/lib/db/schema";
import { claimRun } from "../scheduler/job-runs";
import type { RunResult, ScheduledJob } from "../scheduler/scheduler";

/**
 * A job started from the web ("Back up now") holds the period "now" while it runs: the same claim as a scheduled
 * run, so two admins (or two web instances) pressing the button get one run, and a run whose process died is
 * taken over after STALE_AFTER_MS. When it ends the row is renamed to "manual:<start>", beside the runs by hand.
 */
export const NOW_PERIOD = "now";

/** Progress is written at most this often (a backup reports after every table). */
const PROGRESS_EVERY_MS = 300;

export async function claimRunNow(db: Db, job: string, instanceId: string, now = new Date()): Promise<boolean> {
  return (await claimRun(db, job, NOW_PERIOD, instanceId, now)) !== null;
}

/** Runs a job claimed with claimRunNow; never throws (the outcome is in the run's row and the result). */
export async function runClaimedNow(db: Db, job: ScheduledJob, now = new Date()): Promise<RunResult> {
  const nowRow = and(eq(scheduledJobRuns.job, job.name), eq(scheduledJobRuns.period, NOW_PERIOD));
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const progress = (detail: string) => {
    if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    // One write at a time, in order; a failed progress write only costs the bar a step.
    writing = writing
      .then(() =>
        db
          .update(scheduledJobRuns)
          .set({ detail })
          .where(and(nowRow, eq(scheduledJobRuns.outcome, "running"))),
      )
      .catch(() => undefined);
  };
  const period = `manual:${now.toISOString()}`;
  let result: RunResult;
  try {
    const detail = (await job.run({ now, period, manual: true, progress })) || null;
    result = { job: job.name, period, outcome: "ok", detail };
  } catch (error) {
    result = { job: job.name, period, outcome: "failed", detail: error instanceof Error ? error.message : String(error) };
  }
  await writing;
  await db
    .update(scheduledJobRuns)
    .set({ period, outcome: result.outcome, detail: result.detail?.slice(0, 1000) ?? null, finishedAt: new Date() })
    .where(nowRow);
  return result;
}

export interface JobRunView {
  outcome: "running" | "ok" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  detail: string | null;
}

/** The run in progress, if any, and the latest finished run started from the web or by hand. */
export async function runNowState(db: Db, job: string): Promise<{ running: JobRunView | null; last: JobRunView | null }> {
  const pick = {
    outcome: scheduledJobRuns.outcome,
    startedAt: scheduledJobRuns.startedAt,
    finishedAt: scheduledJobRuns.finishedAt,
    detail: scheduledJobRuns.detail,
  };
  const [[running], [last]] = await Promise.all([
    db
      .select(pick)
      .from(scheduledJobRuns)
      .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.period, NOW_PERIOD), eq(scheduledJobRuns.outcome, "running"))),
    db
      .select(pick)
      .from(scheduledJobRuns)
      .where(and(eq(scheduledJobRuns.job, job), like(scheduledJobRuns.period, "manual:%")))
      .orderBy(desc(scheduledJobRuns.startedAt))
      .limit(1),
  ]);
  return { running: running ?? null, last: last ?? null };
}
