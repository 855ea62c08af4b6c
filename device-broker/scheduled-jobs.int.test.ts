import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { accounts, machines, scheduledJobRuns, spaceSettings, usageSessions } from "@/lib/db/schema";
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
      jobs: brokerJobs({ db: t.db, mailer: inbox.mailer, baseUrl: "http://localhost:3000" }),
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
      ["calendar-horizon", "ok"],
      ["calendar-announcement", "ok"],
      ["weekly-summary", "ok"],
    ]);
    expect(metrics.snapshot()).toMatchObject({ scheduledRuns: 8, scheduledJobErrors: 0 });
    const summaries = inbox.mails.filter((m) => unfold(m.raw).includes("the week on the machines"));
    expect(summaries.map((m) => m.to)).toEqual([["admin@makerspace.local"]]);

    // Ten minutes later nothing is due; in the next hour only the hourly jobs.
    expect(await runDueJobs(options("2026-11-30T07:10:00Z"))).toEqual([]);
    expect((await runDueJobs(options("2026-11-30T08:00:00Z"))).map((r) => r.job)).toEqual(["audit-notifications", "maintenance-due"]);
    const runs = await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "weekly-summary"));
    expect(runs).toMatchObject([{ period: "2026-W49", outcome: "ok", detail: "1 mail(s)" }]);
  });

  it("purges with the retention from the space settings", async () => {
    await t.db.insert(spaceSettings).values({ id: 1, name: "Lab", timeZone: "Europe/Vienna", defaultLanguage: "en", mailFrom: "lab@example.org", retentionUsageDays: 30 });
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const [mario] = await t.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
    const start = new Date("2026-11-20T10:00:00Z");
    const row = { machineId: laser!.id, personId: mario!.personId, cardUid: "efbeadde", endedAt: start, durationSeconds: 0, recordedAs: "live" as const, lastHeartbeatAt: start, openedByEventAt: start };
    // 41 days and 11 days before the run (the first test already purged on 30 Nov).
    await t.db.insert(usageSessions).values([
      { ...row, startedAt: new Date("2026-10-21T10:00:00Z"), endedAt: new Date("2026-10-21T10:00:00Z"), lastHeartbeatAt: new Date("2026-10-21T10:00:00Z"), openedByEventAt: new Date("2026-10-21T10:00:00Z") },
      { ...row, startedAt: start },
    ]);
    const purge = brokerJobs({ db: t.db, mailer: inbox.mailer, baseUrl: "http://localhost:3000" }).filter((j) => j.name === "retention-purge");
    const [result] = await runDueJobs({ db: t.db, jobs: purge, logger: pino({ level: "silent" }), instanceId: "test", timeZone: async () => "Europe/Vienna", clock: () => new Date("2026-12-01T03:00:00Z") });
    expect(result).toMatchObject({ outcome: "ok", detail: expect.stringContaining("1 usage session(s) anonymised") });
    const sessions = await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, laser!.id)).orderBy(usageSessions.startedAt);
    expect(sessions.map((r) => r.personId)).toEqual([null, mario!.personId]);
  });
});
