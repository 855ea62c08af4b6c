import type { Db } from "@/lib/db/client";
import { notifyAuditSubscribers } from "@/lib/domain/audit/subscriptions";
import { sendWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { extendRecurringHorizon } from "@/lib/domain/calendar/horizon-refresh";
import { sendExpiryReminders } from "@/lib/domain/equipment/expiry-reminders";
import { sendDueSoonReminders } from "@/lib/domain/inventory/due-soon-reminders";
import { sendOverdueReminders } from "@/lib/domain/inventory/overdue-reminders";
import { notifyDueMaintenance } from "@/lib/domain/machines/maintenance-due";
import type { MailRun } from "@/lib/domain/mail/mail-run";
import type { Mailer } from "@/lib/domain/mail/mailer";
import { mailmanFromEnv, type MailmanClient } from "@/lib/domain/mailing-lists/mailman-client";
import { syncAllMailingLists } from "@/lib/domain/mailing-lists/sync";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { sendWeeklySummaries } from "@/lib/domain/usage/weekly-summary";
import { env } from "@/lib/env";
import type { ScheduledJob } from "../scheduler/scheduler";
import { backupJob } from "./backup-job";
import { databaseMaintenanceJob } from "./database-maintenance-job";
import { retentionPurgeJob } from "./retention-job";

export interface JobContext {
  db: Db;
  mailer: Mailer;
  /** Where backups are written (DATA_DIR/backups) and the uploads they include are read. */
  dataDir: string;
  appVersion: string;
  /** The Mailman 3 server of the mailing lists; by default the one MAILMAN_REST_URL names (none: lists are export-only). */
  mailman?: MailmanClient | null;
}

/**
 * Every job of the system, in the order a check runs them. The broker's scheduler runs them in the space's
 * local time, each period claimed in the database (lib/ops/scheduler); `npm run job -- <name>` runs one by hand.
 * Each job is safe to repeat after a failure (the mails are claimed per item). The weekly mails are not claimed:
 * a failed recipient is counted, never thrown (a retried run would mail everyone again); only a crash mid-run can
 * still mail someone twice.
 */
export function allJobs(o: JobContext): ScheduledJob[] {
  const settings = () => loadSpaceSettings(o.db);
  return [
    backupJob(o),
    retentionPurgeJob(o),
    databaseMaintenanceJob(o),
    {
      name: "audit-notifications",
      description: "mails audit-log subscribers the changes they follow",
      schedule: { cadence: "hourly" },
      run: async () => mailCounts(await notifyAuditSubscribers(o.db, o.mailer)),
    },
    {
      name: "maintenance-due",
      description: "mails the owners of machines whose maintenance plan became due (once per due cycle)",
      schedule: { cadence: "hourly" },
      async run({ now }) {
        const r = await notifyDueMaintenance(o.db, o.mailer, now);
        return `${r.notified} plan(s) newly due, ${r.mails} mail(s), ${r.failed} failed`;
      },
    },
    {
      name: "equipment-expiry-reminders",
      description: "reminds people whose equipment authorization expires soon (each authorization once)",
      schedule: { cadence: "daily" },
      options: { days: "how many days ahead (1–365, default 30)" },
      async run({ now, options }) {
        const days = daysOption(options?.days);
        const r = await sendExpiryReminders(o.db, { mailer: o.mailer, timeZone: (await settings()).timeZone }, { now, days });
        // Sent reminders are marked; throwing retries only the failed ones at the next check.
        if (r.failed > 0) throw new Error(`${r.failed} reminder(s) failed, ${r.reminded} sent`);
        return `${r.reminded} reminder(s)`;
      },
    },
    {
      name: "inventory-overdue-reminders",
      description: "mails every borrower of an overdue thing (a loan at most once in 20 hours)",
      schedule: { cadence: "daily" },
      async run({ now }) {
        const r = await sendOverdueReminders(o.db, { mailer: o.mailer, now });
        if (r.failed > 0) throw new Error(`${r.failed} reminder(s) failed, ${r.sent} sent`);
        return `${r.sent} reminder(s), ${r.skipped} skipped`;
      },
    },
    {
      name: "inventory-due-soon",
      description: "tells each borrower once that a thing is due back within two days (unless they turned loan mails off)",
      schedule: { cadence: "daily" },
      options: { days: "how many days ahead (1–365, default 2)" },
      async run({ now, options }) {
        const r = await sendDueSoonReminders(o.db, o.mailer, { now, days: daysOption(options?.days) ?? 2 });
        // Sent ones are claimed; throwing retries only the failed ones at the next check.
        if (r.failed > 0) throw new Error(`${r.failed} mail(s) failed, ${r.sent} sent`);
        return `${r.sent} mail(s), ${r.off} not wanted`;
      },
    },
    {
      // Before the announcement, so it sees the series' occurrences of the coming week.
      name: "calendar-horizon",
      description: "extends recurring events to two years ahead",
      schedule: { cadence: "weekly", atHour: 3 },
      run: async ({ now }) => `${await extendRecurringHorizon(o.db, now)} recurring series extended`,
    },
    {
      name: "calendar-announcement",
      description: "mails the coming week's events to everyone who asked for them",
      schedule: { cadence: "weekly" },
      run: async ({ now }) => mailCounts(await sendWeeklyAnnouncement(o.db, o.mailer, { now, timeZone: (await settings()).timeZone })),
    },
    {
      // Hourly: who leaves or is banned is off the lists within the hour; a list that failed is retried at the next check.
      name: "mailing-lists-sync",
      description: "keeps the mailing lists marked for Mailman in step with the member records",
      schedule: { cadence: "hourly" },
      async run({ now }) {
        const mailman = o.mailman === undefined ? mailmanFromEnv(env()) : o.mailman;
        return mailman ? syncAllMailingLists(o.db, mailman, now) : "no Mailman server configured (MAILMAN_REST_URL)";
      },
    },
    {
      name: "weekly-summary",
      description: "mails the staff who asked for it the week on the machines",
      schedule: { cadence: "weekly" },
      async run({ now }) {
        const s = await settings();
        return mailCounts(await sendWeeklySummaries(o.db, o.mailer, { spaceName: s.name, timeZone: s.timeZone, now }));
      },
    },
  ];
}

const mailCounts = (r: MailRun) => `${r.sent} mail(s)${r.failed ? `, ${r.failed} failed` : ""}`;

function daysOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error("--days needs a whole number from 1 to 365");
  return days;
}
