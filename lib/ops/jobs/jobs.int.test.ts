import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { accounts, auditLog, loginAttempts, machines, scheduledJobRuns, spaceSettings, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { setWeeklySummary } from "@/lib/domain/usage/weekly-summary";
import { listBackups } from "../backup/retention";
import { runDueJobs, type SchedulerOptions } from "../scheduler/scheduler";
import { backupsDirOf } from "./backup-job";
import { allJobs } from "./jobs";
import { JobUsageError, parseJobOptions, runJobByHand } from "./run-by-hand";

let t: DemoDatabase;
let inbox: Inbox;
const dirs: string[] = [];
/** A DATA_DIR of its own per instance, as on separate hosts. */
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-jobs-"));
  dirs.push(dir);
  return dir;
};

databaseWithInbox(createDemoDatabase, (database, mail) => {
  [t, inbox] = [database, mail];
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const jobsOf = (dir: string) => allJobs({ db: t.db, mailer: inbox.mailer, dataDir: dir, appVersion: "0.0.0-test" });
const instance = (id: string, dir: string, clock: string, only?: string[]): SchedulerOptions => ({
  db: t.db,
  jobs: jobsOf(dir).filter((j) => !only || only.includes(j.name)),
  logger: pino({ level: "silent" }),
  instanceId: id,
  timeZone: async () => "Europe/Vienna",
  clock: () => new Date(clock),
});

describe("the system's jobs", () => {
  it("runs every job once in its period with the real domain functions, and the weekly summary is mailed", async () => {
    const [admin] = await t.db.select().from(accounts).where(eq(accounts.email, "admin@makerspace.local"));
    await setWeeklySummary(t.db, admin!.personId, true);
    const counters = { scheduledRuns: 0, scheduledJobErrors: 0 };
    const dir = dataDir();
    const options = (clock: string) => ({ ...instance("test", dir, clock), counters });
    // Monday 30 Nov 2026, 08:00 in Vienna: daily, weekly and hourly jobs are all due.
    const first = await runDueJobs(options("2026-11-30T07:00:00Z"));
    expect(first.map((r) => [r.job, r.outcome])).toEqual([
      ["backup", "ok"],
      ["retention-purge", "ok"],
      ["database-maintenance", "ok"],
      ["audit-notifications", "ok"],
      ["maintenance-due", "ok"],
      ["equipment-expiry-reminders", "ok"],
      ["inventory-overdue-reminders", "ok"],
      ["inventory-due-soon", "ok"],
      ["calendar-horizon", "ok"],
      ["calendar-announcement", "ok"],
      ["mailing-lists-sync", "ok"],
      ["weekly-summary", "ok"],
    ]);
    expect(counters).toEqual({ scheduledRuns: 12, scheduledJobErrors: 0 });
    expect(listBackups(backupsDirOf(dir)).map((b) => b.reason)).toEqual(["daily"]);
    const summaries = inbox.mails.filter((m) => unfold(m.raw).includes("the week on the machines"));
    expect(summaries.map((m) => m.to)).toEqual([["admin@makerspace.local"]]);

    // Ten minutes later nothing is due; in the next hour only the hourly jobs.
    expect(await runDueJobs(options("2026-11-30T07:10:00Z"))).toEqual([]);
    expect((await runDueJobs(options("2026-11-30T08:00:00Z"))).map((r) => r.job)).toEqual(["audit-notifications", "maintenance-due", "mailing-lists-sync"]);
    const runs = await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "weekly-summary"));
    expect(runs).toMatchObject([{ period: "2026-W49", outcome: "ok", detail: "1 mail(s)" }]);
  });

  it("backs up and purges once per period however many instances check at the same moment", async () => {
    const only = ["backup", "retention-purge"];
    const hosts = [dataDir(), dataDir(), dataDir()];
    const check = (clock: string) => Promise.all(hosts.map((dir, i) => runDueJobs(instance(`instance-${i}`, dir, clock, only))));
    const backupsEverywhere = () => hosts.flatMap((dir) => listBackups(backupsDirOf(dir)));

    const first = (await check("2026-12-01T04:00:00Z")).flat();
    expect(first.map((r) => [r.job, r.period, r.outcome]).sort()).toEqual([
      ["backup", "2026-12-01", "ok"],
      ["retention-purge", "2026-12-01", "ok"],
    ]);
    expect(backupsEverywhere()).toHaveLength(1);
    // Later checks the same day: nothing; the next day: once more.
    expect((await check("2026-12-01T20:00:00Z")).flat()).toEqual([]);
    expect(
      (await check("2026-12-02T04:00:00Z"))
        .flat()
        .map((r) => r.job)
        .sort(),
    ).toEqual(only);
    expect(backupsEverywhere()).toHaveLength(2);
  });

  it("purges with the retention from the space settings", async () => {
    await t.db
      .insert(spaceSettings)
      .values({ id: 1, name: "Lab", timeZone: "Europe/Vienna", defaultLanguage: "en", mailFrom: "lab@example.org", retentionUsageDays: 30 });
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const [mario] = await t.db.select().from(accounts).where(eq(accounts.email, "member@makerspace.local"));
    const start = new Date("2026-11-20T10:00:00Z");
    const row = {
      machineId: laser!.id,
      personId: mario!.personId,
      cardUid: "efbeadde",
      endedAt: start,
      durationSeconds: 0,
      recordedAs: "live" as const,
      lastHeartbeatAt: start,
      openedByEventAt: start,
    };
    const old = new Date("2026-10-21T10:00:00Z");
    // 41 days and 11 days before the run (the first test already purged on 30 Nov).
    await t.db.insert(usageSessions).values([
      { ...row, startedAt: old, endedAt: old, lastHeartbeatAt: old, openedByEventAt: old },
      { ...row, startedAt: start },
    ]);
    const [result] = await runDueJobs(instance("test", dataDir(), "2026-12-03T03:00:00Z", ["retention-purge"]));
    expect(result).toMatchObject({ outcome: "ok", detail: expect.stringContaining("1 usage session(s) anonymised") });
    const sessions = await t.db.select().from(usageSessions).where(eq(usageSessions.machineId, laser!.id)).orderBy(usageSessions.startedAt);
    expect(sessions.map((r) => r.personId)).toEqual([null, mario!.personId]);
  });

  it("deletes old audit entries and login attempts only when a backup of the last day holds them", async () => {
    const now = new Date();
    const longAgo = new Date(now.getTime() - 20 * 365 * 86_400_000);
    await t.db.delete(scheduledJobRuns).where(eq(scheduledJobRuns.job, "backup"));
    const seed = async () => {
      await t.db.insert(auditLog).values({ changeType: "ancient", entity: "x", at: longAgo });
      await t.db.insert(loginAttempts).values({ email: "old@example.org", ip: "192.0.2.1", at: longAgo });
    };
    const ancient = async () => (await t.db.select().from(auditLog).where(eq(auditLog.changeType, "ancient"))).length;
    const [backup, purge] = jobsOf(dataDir()).filter((j) => j.name === "backup" || j.name === "retention-purge");
    await seed();

    const kept = await runJobByHand(t.db, purge!, {}, now);
    expect(kept).toMatchObject({ outcome: "ok", detail: expect.stringContaining("audit entries and login attempts kept: no backup in the last day") });
    expect(await ancient()).toBe(1);

    // A backup by hand counts: it is recorded beside the scheduled runs.
    expect(await runJobByHand(t.db, backup!, {}, now)).toMatchObject({ outcome: "ok", detail: expect.stringMatching(/-manual\.msbackup\.gz/) });
    expect(await runJobByHand(t.db, purge!, {}, new Date(now.getTime() + 60_000))).toMatchObject({
      outcome: "ok",
      detail: expect.stringContaining("1 login attempt(s) and 1 audit entries deleted"),
    });
    expect(await ancient()).toBe(0);
    const manual = await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.job, "backup"));
    expect(manual).toMatchObject([{ period: `manual:${now.toISOString()}`, outcome: "ok", instanceId: `manual@${os.hostname()}` }]);
  });

  it("takes only the options a job declares when run by hand", () => {
    const reminders = jobsOf(dataDir()).find((j) => j.name === "equipment-expiry-reminders")!;
    expect(parseJobOptions(reminders, ["--days", "14"])).toEqual({ days: "14" });
    expect(() => parseJobOptions(reminders, ["--weeks", "2"])).toThrow(JobUsageError);
    expect(() => parseJobOptions(reminders, ["--days"])).toThrow(/--days needs a value/);
  });

  it("reports a failed run by hand instead of throwing, with the job's own message", async () => {
    const reminders = jobsOf(dataDir()).find((j) => j.name === "equipment-expiry-reminders")!;
    expect(await runJobByHand(t.db, reminders, { days: "0" })).toMatchObject({ outcome: "failed", detail: "--days needs a whole number from 1 to 365" });
  });
});
