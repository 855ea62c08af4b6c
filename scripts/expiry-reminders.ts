/**
 * The device broker runs this daily; `npm run equipment:remind` by hand: mails everyone whose equipment authorization expires within N days
 * (default 30; `--days 14` to change). Each authorization is reminded once. Exits 1 with a clear message on failure.
 */
import pino from "pino";
import { createDb } from "@/lib/db/client";
import { createSpaceMailer } from "@/lib/domain/settings/settings-mailer";
import { sendExpiryReminders } from "@/lib/domain/equipment/expiry-reminders";
import { env, requireDatabaseUrl } from "@/lib/env";

function daysArgument(argv: string[]): number {
  const i = argv.indexOf("--days");
  if (i === -1) return 30;
  const days = Number(argv[i + 1]);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error("--days needs a whole number from 1 to 365");
  return days;
}

async function main(): Promise<void> {
  const e = env();
  const days = daysArgument(process.argv.slice(2));
  const handle = createDb(requireDatabaseUrl(), { max: 1 });
  try {
    const mailer = createSpaceMailer(handle.db, e, pino({ level: e.LOG_LEVEL }));
    const run = await sendExpiryReminders(handle.db, { mailer, timeZone: e.SPACE_TIME_ZONE }, { days });
    console.log(`Expiry reminders (next ${days} days) sent: ${run.reminded}, failed (retried next run): ${run.failed}`);
    if (run.failed > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Expiry reminders failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
