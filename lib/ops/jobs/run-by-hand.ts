import os from "node:os";
import type { Db } from "@/lib/db/client";
import { recordManualRun } from "../scheduler/job-runs";
import type { RunResult, ScheduledJob } from "../scheduler/scheduler";

export class JobUsageError extends Error {}

/** `--days 14 --x y` into { days: "14", x: "y" }, only options the job declares. */
export function parseJobOptions(job: ScheduledJob, args: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, "");
    const value = args[i + 1];
    if (!args[i]!.startsWith("--") || !job.options?.[name]) {
      const known = Object.keys(job.options ?? {}).map((o) => `--${o}`);
      throw new JobUsageError(`"${args[i]}" is not an option of ${job.name}${known.length ? ` (it takes ${known.join(", ")})` : " (it takes none)"}.`);
    }
    if (value === undefined) throw new JobUsageError(`--${name} needs a value.`);
    options[name] = value;
  }
  return options;
}

/**
 * Runs one job now, whatever its schedule, and records the run beside the scheduled ones (the system page and
 * the retention purge's "is there a recent backup" see it). A failure is returned, not thrown.
 */
export async function runJobByHand(db: Db, job: ScheduledJob, options: Record<string, string> = {}, now = new Date()): Promise<RunResult> {
  const period = `manual:${now.toISOString()}`;
  let result: RunResult;
  try {
    const detail = (await job.run({ now, period, manual: true, options })) || null;
    result = { job: job.name, period, outcome: "ok", detail };
  } catch (error) {
    result = { job: job.name, period, outcome: "failed", detail: error instanceof Error ? error.message : String(error) };
  }
  await recordManualRun(db, job.name, `manual@${os.hostname()}`, now, result.outcome, result.detail);
  return result;
}
