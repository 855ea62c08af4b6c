import type { Logger } from "pino";
import type { Mailer } from "@/lib/domain/mail/mailer";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { allJobs, type JobContext } from "@/lib/ops/jobs/jobs";
import { startScheduler, type SchedulerCounters } from "@/lib/ops/scheduler/scheduler";

/** Failed sends are counted by the jobs and not thrown, so they are logged here, one line each. */
function loggingFailures(mailer: Mailer, logger: Logger): Mailer {
  return {
    async send(message) {
      try {
        await mailer.send(message);
      } catch (error) {
        logger.warn({ err: error, to: message.to, subject: message.subject }, "scheduled job: mail failed");
        throw error;
      }
    },
  };
}

/**
 * Every job of the system (lib/ops/jobs) on its schedule, from this broker instance. Each period is claimed in the
 * database, so with several broker instances (and restarts) each job still runs once per period.
 */
export function startScheduledJobs(
  o: JobContext & { logger: Logger; instanceId: string; counters: SchedulerCounters; checkMs?: number; firstCheckMs?: number },
) {
  const logger = o.logger.child({ component: "scheduler" });
  return startScheduler({
    db: o.db,
    jobs: allJobs({ ...o, mailer: loggingFailures(o.mailer, logger) }),
    logger,
    instanceId: o.instanceId,
    counters: o.counters,
    timeZone: async () => (await loadSpaceSettings(o.db)).timeZone,
    checkMs: o.checkMs,
    firstCheckMs: o.firstCheckMs,
  });
}
