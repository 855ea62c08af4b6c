import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * One claimed run of a scheduled job for one period ("2026-11-27", "2026-W48", "2026-11-27T06"), or a run by
 * hand (`npm run job`, period "manual:<time>").
 * The primary key is the claim: whichever instance inserts the row runs the job, every other one skips it.
 * A failed run may be claimed again at a later check; a running one only once it is stale (its instance died).
 */
export const scheduledJobRuns = pgTable(
  "scheduled_job_runs",
  {
    job: text().notNull(),
    period: text().notNull(),
    outcome: text({ enum: ["running", "ok", "failed"] })
      .notNull()
      .default("running"),
    attempts: integer().notNull().default(1),
    instanceId: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    /** What the job reported ("3 mails"), or the error message of a failed attempt. */
    detail: text(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] }), check("scheduled_job_runs_attempts", sql`${t.attempts} >= 1`)],
);
export type ScheduledJobRun = typeof scheduledJobRuns.$inferSelect;

/** Staff who asked for the weekly summary mail (hours per machine, maintenance due, unknown cards). */
export const weeklySummaryOptins = pgTable("weekly_summary_optins", {
  personId: integer()
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
