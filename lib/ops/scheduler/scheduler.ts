import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { claimRun, finishRun } from "./job-runs";
import { duePeriod, type Schedule } from "@/lib/time/periods";

export interface JobRunContext {
  now: Date;
  /** The claimed period, or "manual:<time>" for a run by hand (`npm run job -- <name>`). */
  period: string;
  manual?: boolean;
  /** Options given by hand (`--days 14`), only those the job declares. */
  options?: Record<string, string>;
  /** A run started from the web ("Back up now") shows this; elsewhere it is not given. */
  progress?: (detail: string) => void;
}

export interface ScheduledJob {
  name: string;
  /** One line for `npm run job -- --list`. */
  description: string;
  schedule: Schedule;
  /** A failure is logged as an error (the admin's "recent errors" on the system page), not only a warning. */
  alertOnFailure?: boolean;
  /** Options a run by hand may give, with their help text. */
  options?: Record<string, string>;
  /** Does the work; what it returns is stored as the run's detail. Throwing marks the run failed (retried later). */
  run(ctx: JobRunContext): Promise<string | void>;
}

export interface SchedulerCounters {
  scheduledRuns: number;
  scheduledJobErrors: number;
}

export interface SchedulerOptions {
  db: Db;
  jobs: ScheduledJob[];
  logger: Logger;
  instanceId: string;
  /** The space's time zone, read at every check (an admin may change it). */
  timeZone(): Promise<string>;
  counters?: SchedulerCounters;
  clock?: () => Date;
}

export interface RunResult {
  job: string;
  period: string;
  outcome: "ok" | "failed";
  detail: string | null;
}

/** One check: every job due in its current period, claimed first so no other instance runs it too. Never throws. */
export async function runDueJobs(o: SchedulerOptions): Promise<RunResult[]> {
  const now = (o.clock ?? (() => new Date()))();
  let timeZone: string;
  try {
    timeZone = await o.timeZone();
  } catch (error) {
    if (o.counters) o.counters.scheduledJobErrors++;
    o.logger.warn({ err: error }, "scheduled jobs: cannot read the space settings; retrying at the next check");
    return [];
  }
  const results: RunResult[] = [];
  for (const job of o.jobs) {
    const period = duePeriod(job.schedule, now, timeZone);
    if (!period) continue;
    const log = o.logger.child({ job: job.name, period });
    try {
      const attempt = await claimRun(o.db, job.name, period, o.instanceId, now);
      if (attempt === null) continue;
      let result: RunResult;
      try {
        const detail = (await job.run({ now, period })) || null;
        result = { job: job.name, period, outcome: "ok", detail };
        log.info({ attempt, detail }, "scheduled job done");
      } catch (error) {
        result = { job: job.name, period, outcome: "failed", detail: error instanceof Error ? error.message : String(error) };
        log[job.alertOnFailure ? "error" : "warn"]({ err: error, attempt }, "scheduled job failed; retrying at the next check");
      }
      if (o.counters) o.counters[result.outcome === "ok" ? "scheduledRuns" : "scheduledJobErrors"]++;
      await finishRun(o.db, job.name, period, result.outcome, result.detail);
      results.push(result);
    } catch (error) {
      // The claim or the bookkeeping failed (database down): a stale claim is taken over after STALE_AFTER_MS.
      if (o.counters) o.counters.scheduledJobErrors++;
      log.warn({ err: error }, "scheduled job could not be claimed or recorded; retrying at the next check");
    }
  }
  return results;
}

/**
 * Checks every `checkMs` (default 10 min; the first check after `firstCheckMs`) rather than one timer per job:
 * a suspended machine or a restart cannot make a job skip its period. Checks never overlap.
 */
export function startScheduler(o: SchedulerOptions & { checkMs?: number; firstCheckMs?: number }): {
  stop(graceMs?: number): Promise<void>;
  checkNow(): Promise<void>;
} {
  let running: Promise<void> | null = null;
  const tick = () => {
    // runDueJobs never throws; should a bug make it, the timer must not leave the rejection unhandled.
    running ??= runDueJobs(o)
      .then(
        () => undefined,
        (error: unknown) => o.logger.error({ err: error }, "scheduled jobs: check failed"),
      )
      .finally(() => (running = null));
    return running;
  };
  const first = setTimeout(() => void tick(), o.firstCheckMs ?? 30_000);
  const timer = setInterval(() => void tick(), o.checkMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return {
    checkNow: tick,
    async stop(graceMs = 3_000) {
      clearTimeout(first);
      clearInterval(timer);
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (wait = setTimeout(resolve, graceMs)))]);
      clearTimeout(wait);
    },
  };
}
