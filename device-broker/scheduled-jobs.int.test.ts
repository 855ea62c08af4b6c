import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { accounts, scheduledJobRuns } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { openInbox, unfold, type Inbox } from "@/lib/domain/people/testing/smtp-inbox";
import { setWeeklySummary } from "@/lib/domain/usage/weekly-summary";
import { runDueJobs } from "@/lib/ops/scheduler/scheduler";
import { BrokerMetrics } from "./metrics";
import { brokerJobs } from "./scheduled-jobs";

let t: TestDatabase;
let inbox: Inbox;
beforeAll(async () => {
  [t, inbox] = await Promise.all([createTestDatabase(), openInbox()]);
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
});
afterAll(async () => {
  await inbox.close();
  await t.close();
});

describe("the broker's scheduled jobs", () => {
  it("runs every job once in its period with the real domain functions, and the weekly summary is mailed", async () => {
    const [admin] = await t.db.select().from(accounts).where(eq(accounts.email, "admin@makerspace.local"));
    await setWeeklySummary(t.db, admin!.personId, true);
    const metrics = new BrokerMetrics();
    const options = (clock: string) => ({
      db: t.db,
      jobs: brokerJobs({ db: t.db, mailer: inbox.mailer, baseUrl: "http://localhost:3000", usageRetentionDays: 365 }),
      logger: pino({ level: "silent" }),
      instanceId: "test",
      timeZone: async () => "Europe/Vienna",
      counters: metrics,
      clock: () => new Date(clock),
    });
    // Monday 30 Nov 2026, 08:00 in Vienna: daily, weekly and hourly jobs are all due.
    const first = await runDueJobs(options("2026-11-30T07:00:00Z"));
    expect(first.map((r) => [r.job, r.outcome])).toEqual([
      ["retention-purge", "ok"],
      ["audit-notifications", "ok"],
      ["maintenance-due", "ok"],
      ["equipment-expiry-reminders", "ok"],
      ["inventory-overdue-reminders", "ok"],
      ["calendar-announcement", "ok"],
      ["weekly-summary", "ok"],
    ]);
    expect(metrics.snapshot()).toMatchObject({ scheduledRuns: 7, scheduledJobErrors: 0 });
    const summaries = inbox.mails.filter((m) => unfold(m.raw).includes("the week on the machines"));
    expect(summaries.map((m) => m.to)).toEqual([["admin@makerspace.local"]]);

    // Ten minutes later nothing is due; in the next hour only the hourly jobs.
    expect(await runDueJobs(options("2026-11-30T07:10:00Z"))).toEqual([]);
    expect((await runDueJobs(options("2026-11-30T08:00:00Z"))).map((r) => r.job)).toEqual(["audit-notifications", "maintenance-due"]);
    const runs = await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "weekly-summary"));
    expect(runs).toMatchObject([{ period: "2026-W49", outcome: "ok", detail: "1 mail(s)" }]);
  });
});
