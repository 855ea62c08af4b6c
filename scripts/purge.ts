/**
 * `npm run purge`: the retention job by hand (the device broker runs it daily). Deletes unknown-card swipes older than 30 days and anonymises usage older
 * than the space setting "keep who used a machine" (default 365 days, first value PURGE_USAGE_AFTER_DAYS). Prints what it did; exits 1 with a clear message on failure.
 */
import { createDb } from "@/lib/db/client";
import { runPurge } from "@/lib/domain/people/retention";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { requireDatabaseUrl } from "@/lib/env";

async function main(): Promise<void> {
  const handle = createDb(requireDatabaseUrl(), { max: 1 });
  try {
    const report = await runPurge(handle.db, { usageAfterDays: (await loadSpaceSettings(handle.db)).retentionUsageDays });
    console.log(`Unknown-card records deleted: ${report.unknownCardsDeleted}`);
    console.log(`Usage sessions anonymised: ${report.usage.anonymised}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Purge failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
