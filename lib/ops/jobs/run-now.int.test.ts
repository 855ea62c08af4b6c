import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { scheduledJobRuns } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { listBackups } from "../backup/retention";
import type { ScheduledJob } from "../scheduler/scheduler";
import { backupJob, backupsDirOf, parseBackupProgress } from "./backup-job";
import { claimRunNow, NOW_PERIOD, runClaimedNow, runNowState } from "./run-now";

let t: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureReferenceData(t.db);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-run-now-"));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const nowRow = (job: string) =>
  t.db
    .select()
    .from(scheduledJobRuns)
    .where(and(eq(scheduledJobRuns.job, job), eq(scheduledJobRuns.period, NOW_PERIOD)));

describe("Back up now (a job run from the web)", () => {
  it("runs the backup job once at a time, shows its progress while it runs, and lists the file as a manual backup", { timeout: 120_000 }, async () => {
    // A job that waits inside, so the test can look at the run while it is running.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = backupJob({ db: t.db, dataDir, appVersion: "test" });
    let reported = 0;
    const gated: ScheduledJob = {
      ...real,
      async run(ctx) {
        const detail = await real.run({ ...ctx, progress: (d) => (reported++, ctx.progress?.(d)) });
        await gate;
        return detail;
      },
    };

    expect(await claimRunNow(t.db, "backup", "web@a")).toBe(true);
    // A second press (another admin, another web instance) gets no second run.
    expect(await claimRunNow(t.db, "backup", "web@b")).toBe(false);
    const run = runClaimedNow(t.db, gated);

    await expect.poll(async () => parseBackupProgress((await nowRow("backup"))[0]?.detail ?? null)).toMatchObject({ stage: "tables" });
    const state = await runNowState(t.db, "backup");
    expect(state.running).toMatchObject({ outcome: "running" });
    const progress = parseBackupProgress(state.running!.detail);
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThanOrEqual(progress!.total);
    expect(reported).toBeGreaterThan(0);

    release();
    expect(await run).toMatchObject({ outcome: "ok" });
    expect(await nowRow("backup")).toEqual([]);
    const after = await runNowState(t.db, "backup");
    expect(after.running).toBeNull();
    expect(after.last).toMatchObject({ outcome: "ok" });
    expect(after.last!.finishedAt).not.toBeNull();
    expect(listBackups(backupsDirOf(dataDir)).map((b) => b.reason)).toEqual(["manual"]);
    // Finished, the next press starts a new run.
    expect(await claimRunNow(t.db, "backup", "web@a")).toBe(true);
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 + 2_000);
    expect(await runClaimedNow(t.db, real, second)).toMatchObject({ outcome: "ok" });
    // The newest file is the second run's (the retention keeps one backup per day, so the first may go).
    expect(listBackups(backupsDirOf(dataDir))[0]!.at).toEqual(second);
  });

  it("a failure is kept with its message and frees the button", async () => {
    const failing: ScheduledJob = { name: "backup", description: "", schedule: { cadence: "daily" }, run: () => Promise.reject(new Error("The disk is full")) };
    expect(await claimRunNow(t.db, "backup", "web@a")).toBe(true);
    expect(await runClaimedNow(t.db, failing, new Date(Date.now() + 4_000))).toMatchObject({ outcome: "failed", detail: "The disk is full" });
    expect((await runNowState(t.db, "backup")).last).toMatchObject({ outcome: "failed", detail: "The disk is full" });
    expect(await claimRunNow(t.db, "backup", "web@a")).toBe(true);
  });
});
