import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { notifyAuditSubscribers } from "@/lib/domain/audit/subscriptions";
import { sendWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { extendRecurringHorizon } from "@/lib/domain/calendar/horizon-refresh";
import { sendExpiryReminders } from "@/lib/domain/equipment/expiry-reminders";
import { sendOverdueReminders } from "@/lib/domain/inventory/overdue-reminders";
import { notifyDueMaintenance } from "@/lib/domain/machines/maintenance-due";
import type { MailRun } from "@/lib/domain/mail/mail-run";
import type { Mailer } from "@/lib/domain/mail/mailer";
import { runPurge } from "@/lib/domain/people/retention";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { sendWeeklySummaries } from "@/lib/domain/usage/weekly-summary";
import { pruneJobRuns } from "@/lib/ops/scheduler/job-runs";
import { startScheduler, type ScheduledJob, type SchedulerCounters } from "@/lib/ops/scheduler/scheduler";

export interface BrokerJobOptions {
  db: Db;
  mailer: Mailer;
  /** Absolute origin of the web app, for links in mails. */
  baseUrl: string;
}

/**
 * What the broker runs on a schedule; the npm scripts (purge, equipment:remind, …) call the same functions by
 * hand. Times are the space's local time. Each job is safe to repeat after a failure (the mails are claimed per
 * item). The weekly mails are not claimed: a failed recipient is counted, never thrown (a retried run would mail
 * everyone again); only a crash mid-run can still mail someone twice.
 */
export function brokerJobs(o: BrokerJobOptions): ScheduledJob[] {
  const settings = () => loadSpaceSettings(o.db);
  return [
    {
      name: "retention-purge",
      schedule: { cadence: "daily", atHour: 3 },
      async run({ now }) {
        const report = await runPurge(o.db, { usageAfterDays: (await settings()).retentionUsageDays, now });
        const runs = await pruneJobRuns(o.db, now);
        return `${report.unknownCardsDeleted} unknown card(s) deleted, ${report.usage.anonymised} usage session(s) anonymised, ${runs} old job run(s) removed`;
      },
    },
    {
      name: "audit-notifications",
      schedule: { cadence: "hourly" },
      run: async () => mailCounts(await notifyAuditSubscribers(o.db, o.mailer, { linkBase: o.baseUrl })),
    },
    {
      name: "maintenance-due",
      schedule: { cadence: "hourly" },
      async run({ now }) {
        const r = await notifyDueMaintenance(o.db, o.mailer, now);
        return `${r.notified} plan(s) newly due, ${r.mails} mail(s), ${r.failed} failed`;
      },
    },
    {
      name: "equipment-expiry-reminders",
      schedule: { cadence: "daily" },
      async run({ now }) {
        const r = await sendExpiryReminders(o.db, { mailer: o.mailer, timeZone: (await settings()).timeZone }, { now });
        // Sent reminders are marked; throwing retries only the failed ones at the next check.
        if (r.failed > 0) throw new Error(`${r.failed} reminder(s) failed, ${r.reminded} sent`);
        return `${r.reminded} reminder(s)`;
      },
    },
    {
      name: "inventory-overdue-reminders",
      schedule: { cadence: "daily" },
      async run({ now }) {
        const r = await sendOverdueReminders(o.db, { mailer: o.mailer, baseUrl: o.baseUrl, now });
        if (r.failed > 0) throw new Error(`${r.failed} reminder(s) failed, ${r.sent} sent`);
        return `${r.sent} reminder(s), ${r.skipped} skipped`;
      },
    },
    {
      // Before the announcement, so it sees the series' occurrences of the coming week.
      name: "calendar-horizon",
      schedule: { cadence: "weekly", atHour: 3 },
      run: async ({ now }) => `${await extendRecurringHorizon(o.db, now)} recurring series extended`,
    },
    {
      name: "calendar-announcement",
      schedule: { cadence: "weekly" },
      run: async ({ now }) => mailCounts(await sendWeeklyAnnouncement(o.db, o.mailer, { now, timeZone: (await settings()).timeZone, baseUrl: o.baseUrl })),
    },
    {
      name: "weekly-summary",
      schedule: { cadence: "weekly" },
      async run({ now }) {
        const s = await settings();
        return mailCounts(await sendWeeklySummaries(o.db, o.mailer, { spaceName: s.name, timeZone: s.timeZone, now }));
      },
    },
  ];
}

const mailCounts = (r: MailRun) => `${r.sent} mail(s)${r.failed ? `, ${r.failed} failed` : ""}`;

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

export function startScheduledJobs(
  o: BrokerJobOptions & { logger: Logger; instanceId: string; counters: SchedulerCounters; checkMs?: number; firstCheckMs?: number },
) {
  return startScheduler({
    db: o.db,
    jobs: brokerJobs({ ...o, mailer: loggingFailures(o.mailer, o.logger.child({ component: "scheduler" })) }),
    logger: o.logger.child({ component: "scheduler" }),
    instanceId: o.instanceId,
    counters: o.counters,
    timeZone: async () => (await loadSpaceSettings(o.db)).timeZone,
    checkMs: o.checkMs,
    firstCheckMs: o.firstCheckMs,
  });
}
