/**
 * The device broker runs this hourly; `npm run maintenance:notify` by hand: mails the owners of each machine whose maintenance plan
 * became due. Each plan is mailed once per due cycle (remembered in the audit log). Exits 1 with a clear message.
 */
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { createSpaceMailer } from "@/lib/domain/settings/settings-mailer";
import { notifyDueMaintenance } from "@/lib/domain/machines/maintenance-due";
import { env, requireDatabaseUrl } from "@/lib/env";

async function main(): Promise<void> {
  const e = env();
  const handle = createDb(requireDatabaseUrl(), { max: 1 });
  try {
    const logger = pino({ level: e.LOG_LEVEL });
    // The admin's SMTP settings when saved, else SMTP_URL, as the web app does.
    const mailer = createSpaceMailer(handle.db, e, logger);
    const run = await notifyDueMaintenance(handle.db, mailer);
    console.log(`Maintenance due: ${run.notified} plan(s) newly due, ${run.mails} mail(s) to owners, ${run.failed} failed`);
    if (run.failed) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Maintenance notification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
