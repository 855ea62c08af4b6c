import type { Db } from "@/lib/db/client";
import { runPurge } from "@/lib/domain/people/retention";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { pruneOidcGrants } from "@/lib/domain/oidc/tokens";
import { pruneWebhookLog } from "@/lib/domain/webhooks/subscriptions";
import { purgeExpired } from "../retention-purge";
import { lastSuccessOf, pruneJobRuns } from "../scheduler/job-runs";
import type { ScheduledJob } from "../scheduler/scheduler";

/** Audit entries and login attempts are deleted only when a backup this recent holds them. */
const BACKUP_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * Everything the retention settings say need not be kept: unknown-card swipes, who used or maintained a machine (anonymised),
 * login attempts and audit entries, old job runs and webhook deliveries. The audit entries and login attempts only after a backup of the
 * last day succeeded (on any instance), so what is deleted is still in the backups for their retention.
 */
export function retentionPurgeJob(o: { db: Db }): ScheduledJob {
  return {
    name: "retention-purge",
    description: "deletes or anonymises what the retention settings no longer keep (usage, unknown cards, audit, login attempts)",
    schedule: { cadence: "daily", atHour: 3 },
    async run({ now }) {
      const settings = await loadSpaceSettings(o.db);
      const report = await runPurge(o.db, { usageAfterDays: settings.retentionUsageDays, now });
      const runs = await pruneJobRuns(o.db, now);
      const hooks = await pruneWebhookLog(o.db, now);
      const grants = await pruneOidcGrants(o.db, now);
      const done = [
        `${report.unknownCardsDeleted} unknown card(s) deleted`,
        `${report.usage.anonymised} usage session(s) anonymised`,
        `${report.interventionsAnonymised} maintenance intervention(s) anonymised`,
        `${runs} old job run(s) removed`,
        `${hooks} webhook deliveries older than 30 days removed`,
        `${grants} expired single sign-on code(s) and token(s) removed`,
      ];
      const backedUp = await lastSuccessOf(o.db, "backup");
      if (backedUp && now.getTime() - backedUp.getTime() <= BACKUP_WITHIN_MS) {
        const purged = await purgeExpired(o.db, settings, now);
        done.push(`${purged.loginAttempts} login attempt(s) and ${purged.auditEntries} audit entries deleted`);
      } else {
        done.push("audit entries and login attempts kept: no backup in the last day");
      }
      return done.join(", ");
    },
  };
}
