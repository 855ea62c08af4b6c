/**
 * `npm run job -- <name> [--option value]`: runs one of the system's jobs now (the broker runs them on their
 * schedule); `npm run job -- --list` lists them. Works with DATABASE_URL, with a running `npm start` (its embedded
 * database) or, when nothing runs, with the embedded data folder itself. Exits 1 with a clear message on failure.
 */
import path from "node:path";
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { createSpaceMailer } from "@/lib/domain/settings/settings-mailer";
import { parseEnv } from "@/lib/env";
import { appVersion } from "@/lib/ops/app-version";
import { BackupFileError } from "@/lib/ops/backup/format";
import { allJobs, type JobContext } from "@/lib/ops/jobs/jobs";
import { JobUsageError, parseJobOptions, runJobByHand } from "@/lib/ops/jobs/run-by-hand";
import { StartupError } from "./launcher/startup-error";
import { openDatabaseTarget } from "./ops/database-target";

/** Listing reads only names, schedules and descriptions; anything else would be a bug. */
const listingOnly = new Proxy({} as JobContext, {
  get: (_, key) => {
    throw new Error(`listing the jobs must not read ${String(key)}`);
  },
});

function listing(): string {
  const jobs = allJobs(listingOnly);
  const width = Math.max(...jobs.map((j) => j.name.length));
  return jobs
    .map((j) => {
      const hour = `${String(j.schedule.atHour ?? 6).padStart(2, "0")}:00`;
      const when = { hourly: "hourly", daily: `daily from ${hour}`, weekly: `Mondays from ${hour}` }[j.schedule.cadence];
      const options = Object.entries(j.options ?? {}).map(([o, help]) => `\n  ${" ".repeat(width)}  --${o}: ${help}`);
      return `  ${j.name.padEnd(width)}  ${j.description} (${when})${options.join("")}`;
    })
    .join("\n");
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === "--list") return void console.log(`Jobs (npm run job -- <name>):\n${listing()}`);
  const job = allJobs(listingOnly).find((j) => j.name === name);
  if (!job) throw new JobUsageError(`${name ? `There is no job "${name}".` : "Which job?"} Usage: npm run job -- <name>\n${listing()}`);
  const options = parseJobOptions(job, rest);

  const env = parseEnv(process.env);
  const target = await openDatabaseTarget(env);
  const handle = createDb(target.url, { max: 2, connectTimeoutSeconds: 5 });
  try {
    const logger = pino({ level: env.LOG_LEVEL });
    const context: JobContext = {
      db: handle.db,
      // The admin's SMTP settings when saved, else SMTP_URL, as the web app does.
      mailer: createSpaceMailer(handle.db, env, logger),
      dataDir: path.resolve(env.DATA_DIR),
      appVersion: appVersion(),
    };
    console.log(`Running ${job.name} on ${target.description}…`);
    const result = await runJobByHand(
      handle.db,
      allJobs(context).find((j) => j.name === job.name)!,
      options,
    );
    if (result.outcome === "ok") console.log(`✔ ${job.name}: ${result.detail ?? "done"}`);
    else {
      console.error(`✖ ${job.name} failed: ${result.detail}`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
    await target.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof JobUsageError || error instanceof BackupFileError || error instanceof StartupError;
  console.error(`✖ ${known ? (error as Error).message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
