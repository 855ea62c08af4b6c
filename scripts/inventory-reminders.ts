/**
 * The device broker runs this daily; `npm run inventory:remind` by hand: mails every borrower of an overdue thing. Safe to repeat: a loan is
 * reminded at most once in 20 hours. Prints what it did; exits 1 with a clear message on failure.
 */
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { createSpaceMailer } from "@/lib/domain/settings/settings-mailer";
import { sendOverdueReminders } from "@/lib/domain/inventory/overdue-reminders";
import { env, requireDatabaseUrl } from "@/lib/env";

async function main(): Promise<void> {
  const e = env();
  const handle = createDb(requireDatabaseUrl(), { max: 1 });
  try {
    const mailer = createSpaceMailer(handle.db, e, pino({ level: e.LOG_LEVEL }));
    const report = await sendOverdueReminders(handle.db, { mailer });
    console.log(`Overdue reminders sent: ${report.sent}, skipped (no address or reminded recently): ${report.skipped}, failed: ${report.failed}`);
    if (report.failed > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Overdue reminders failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
