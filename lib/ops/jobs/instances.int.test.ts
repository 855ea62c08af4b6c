import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { createDb, type DbHandle } from "@/lib/db/client";
import { scheduledJobRuns } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { listBackups } from "../backup/retention";
import { runDueJobs, type ScheduledJob, type SchedulerOptions } from "../scheduler/scheduler";
import { backupJob, backupsDirOf } from "./backup-job";
import { claimRunNow, runClaimedNow } from "./run-now";
import { waitFor } from "@/lib/testing/wait-for";

// Several instances (web or broker) on one database, each with its own connections and its own DATA_DIR as on
// separate hosts: a job runs once per period, and not a second time while the first instance is still at it.
let t: TestDatabase;
const instances: { handle: DbHandle; dataDir: string }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureReferenceData(t.db);
  for (let i = 0; i < 2; i++) instances.push({ handle: createDb(t.url, { max: 2 }), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `ms-instance-${i}-`)) });
});
afterAll(async () => {
  for (const i of instances) {
    await i.handle.close();
    fs.rmSync(i.dataDir, { recursive: true, force: true });
  }
  await t?.close();
});

/** The real backup job of an instance, held inside its run until `gate` opens (the test looks meanwhile). */
function gatedBackup(i: number, gate: Promise<void>, runs: string[]): ScheduledJob {
  const real = backupJob({ db: instances[i]!.handle.db, dataDir: instances[i]!.dataDir, appVersion: "test" });
  return {
    ...real,
    async run(ctx) {
      runs.push(`instance-${i} ${ctx.period}`);
      const detail = await real.run(ctx);
      await gate;
      return detail;
    },
  };
}

const scheduler = (i: number, job: ScheduledJob, clock: string): SchedulerOptions => ({
  db: instances[i]!.handle.db,
  jobs: [job],
  logger: pino({ level: "silent" }),
  instanceId: `instance-${i}`,
  timeZone: async () => "Europe/Vienna",
  clock: () => new Date(clock),
});

const backupsOnEveryHost = () => instances.flatMap((i) => listBackups(backupsDirOf(i.dataDir)));

describe("two instances on one database", () => {
  it("run the daily backup once: the other instance's checks while it runs, and after it, find it taken", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const runs: string[] = [];
    const first = runDueJobs(scheduler(0, gatedBackup(0, gate, runs), "2026-12-01T04:00:00Z"));
    // Instance 1 checks while instance 0 is inside the job (its claim is "running"), at the same and a later time.
    await waitFor("instance 0 inside the job", () => runs.length > 0);
    expect(await runDueJobs(scheduler(1, gatedBackup(1, gate, runs), "2026-12-01T04:00:00Z"))).toEqual([]);
    expect(await runDueJobs(scheduler(1, gatedBackup(1, gate, runs), "2026-12-01T04:30:00Z"))).toEqual([]);
    open();
    expect((await first).map((r) => [r.job, r.period, r.outcome])).toEqual([["backup", "2026-12-01", "ok"]]);
    expect(await runDueJobs(scheduler(1, gatedBackup(1, gate, runs), "2026-12-01T22:00:00Z"))).toEqual([]);
    expect(runs).toEqual(["instance-0 2026-12-01"]);
    expect(backupsOnEveryHost()).toHaveLength(1);
    const [row] = await t.db.select().from(scheduledJobRuns).where(eq(scheduledJobRuns.period, "2026-12-01"));
    expect(row).toMatchObject({ job: "backup", instanceId: "instance-0", outcome: "ok", attempts: 1 });
  });

  it("run 'Back up now' once when admins press it on both at the same moment", async () => {
    const claims = await Promise.all(instances.map((i, n) => claimRunNow(i.handle.db, "backup", `instance-${n}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims.indexOf(true);
    const before = backupsOnEveryHost().length;
    const job = backupJob({ db: instances[winner]!.handle.db, dataDir: instances[winner]!.dataDir, appVersion: "test" });
    expect((await runClaimedNow(instances[winner]!.handle.db, job)).outcome).toBe("ok");
    expect(backupsOnEveryHost()).toHaveLength(before + 1);
    // Finished: either instance may start the next one.
    expect(await claimRunNow(instances[1 - winner]!.handle.db, "backup", `instance-${1 - winner}`)).toBe(true);
  });
});
