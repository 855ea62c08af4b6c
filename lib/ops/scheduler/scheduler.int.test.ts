import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduledJobRuns } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { claimRun, STALE_AFTER_MS } from "./job-runs";
import { runDueJobs, type ScheduledJob, type SchedulerOptions } from "./scheduler";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const logger = pino({ level: "silent" });
const at = (iso: string) => () => new Date(iso);

function instance(id: string, jobs: ScheduledJob[], clock: () => Date): SchedulerOptions & { counters: { scheduledRuns: number; scheduledJobErrors: number } } {
  return { db: t.db, jobs, logger, instanceId: id, timeZone: async () => "Europe/Vienna", clock, counters: { scheduledRuns: 0, scheduledJobErrors: 0 } };
}

describe("scheduled jobs", () => {
  it("runs a daily job once per local day, however many checks and instances", async () => {
    const periods: string[] = [];
    const job: ScheduledJob = { name: "daily-once", description: "test", schedule: { cadence: "daily" }, run: async ({ period }) => void periods.push(period) };
    const a = instance("a", [job], at("2026-11-27T07:00:00Z"));
    const b = instance("b", [job], at("2026-11-27T07:00:00Z"));
    // Two instances check at the same moment: the claim lets exactly one of them run it.
    const [ra, rb] = await Promise.all([runDueJobs(a), runDueJobs(b)]);
    expect([...ra, ...rb].map((r) => r.outcome)).toEqual(["ok"]);
    expect(periods).toEqual(["2026-11-27"]);
    // Later checks the same day, and a restarted instance, skip it.
    expect(await runDueJobs({ ...a, clock: at("2026-11-27T20:00:00Z") })).toEqual([]);
    expect(await runDueJobs(instance("a-restarted", [job], at("2026-11-27T22:59:00Z")))).toEqual([]);
    // The next local day it runs again.
    expect(await runDueJobs({ ...b, clock: at("2026-11-28T09:00:00Z") })).toMatchObject([{ period: "2026-11-28", outcome: "ok" }]);
    expect(periods).toEqual(["2026-11-27", "2026-11-28"]);
    expect(a.counters.scheduledRuns + b.counters.scheduledRuns).toBe(2);
  });

  it("does not run before its hour, and a missed run happens at the next check", async () => {
    const ran: string[] = [];
    const job: ScheduledJob = {
      name: "missed",
      description: "test",
      schedule: { cadence: "daily", atHour: 6 },
      run: async ({ now }) => void ran.push(now.toISOString()),
    };
    expect(await runDueJobs(instance("a", [job], at("2026-11-27T04:00:00Z")))).toEqual([]);
    // The machine was off at 06:00; it comes back at 14:00 local.
    expect(await runDueJobs(instance("a", [job], at("2026-11-27T13:00:00Z")))).toMatchObject([{ outcome: "ok" }]);
    expect(ran).toEqual(["2026-11-27T13:00:00.000Z"]);
  });

  it("logs and counts a failing job, keeps the others going, and retries it at the next check", async () => {
    let fail = true;
    const calls: string[] = [];
    const flaky: ScheduledJob = {
      name: "flaky",
      description: "test",
      schedule: { cadence: "daily" },
      async run() {
        calls.push("flaky");
        if (fail) throw new Error("SMTP down");
        return "sent 2";
      },
    };
    const steady: ScheduledJob = { name: "steady", description: "test", schedule: { cadence: "daily" }, run: async () => void calls.push("steady") };
    const a = instance("a", [flaky, steady], at("2026-12-02T08:00:00Z"));
    expect(await runDueJobs(a)).toMatchObject([
      { job: "flaky", outcome: "failed", detail: "SMTP down" },
      { job: "steady", outcome: "ok" },
    ]);
    expect(a.counters).toEqual({ scheduledRuns: 1, scheduledJobErrors: 1 });
    fail = false;
    // Another instance picks up the failed period at its next check; the succeeded job is not repeated.
    const b = instance("b", [flaky, steady], at("2026-12-02T08:10:00Z"));
    expect(await runDueJobs(b)).toMatchObject([{ job: "flaky", outcome: "ok", detail: "sent 2" }]);
    expect(await runDueJobs(a)).toEqual([]);
    expect(calls).toEqual(["flaky", "steady", "flaky"]);
    const rows = await t.db.select().from(scheduledJobRuns);
    expect(rows.find((r) => r.job === "flaky")).toMatchObject({ outcome: "ok", attempts: 2, instanceId: "b", detail: "sent 2" });
  });

  it("logs the failure of a job that alerts as an error, for the admin's recent errors", async () => {
    const lines: { level: number; job: string }[] = [];
    const capture = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; job: string }) });
    const failing = (name: string, alertOnFailure: boolean): ScheduledJob => ({
      name,
      description: "test",
      schedule: { cadence: "daily" },
      alertOnFailure,
      run: async () => Promise.reject(new Error("disk full")),
    });
    await runDueJobs({ ...instance("a", [failing("loud", true), failing("quiet", false)], at("2026-12-05T08:00:00Z")), logger: capture });
    expect(lines.filter((l) => l.job).map((l) => [l.job, l.level])).toEqual([
      ["loud", 50],
      ["quiet", 40],
    ]);
  });

  it("takes over a claim left running by an instance that died, only once it is stale", async () => {
    const t0 = new Date("2026-12-03T08:00:00Z");
    expect(await claimRun(t.db, "crashy", "2026-12-03", "dead", t0)).toBe(1);
    expect(await claimRun(t.db, "crashy", "2026-12-03", "alive", new Date(t0.getTime() + 60_000))).toBeNull();
    expect(await claimRun(t.db, "crashy", "2026-12-03", "alive", new Date(t0.getTime() + STALE_AFTER_MS + 1))).toBe(2);
  });

  it("survives a check without the space settings (database down) and tries again later", async () => {
    const a = instance("a", [{ name: "never", description: "test", schedule: { cadence: "hourly" }, run: async () => "x" }], at("2026-12-04T08:00:00Z"));
    a.timeZone = async () => {
      throw new Error("connection refused");
    };
    expect(await runDueJobs(a)).toEqual([]);
    expect(a.counters.scheduledJobErrors).toBe(1);
  });
});
