import { lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, loginAttempts } from "@/lib/db/schema";
import { purgeOldAttempts } from "@/lib/domain/auth/rate-limit";
import type { SpaceSettings } from "@/lib/domain/settings/space-settings";

/** Deletes what the settings say need not be kept any longer; run once a day after the backup. */
export async function purgeExpired(
  db: Db,
  settings: Pick<SpaceSettings, "retentionAuditMonths" | "retentionLoginAttemptsDays">,
  now = new Date(),
): Promise<{ loginAttempts: number; auditEntries: number }> {
  const attemptsBefore = new Date(now.getTime() - settings.retentionLoginAttemptsDays * 86_400_000);
  const auditBefore = new Date(now);
  auditBefore.setUTCMonth(auditBefore.getUTCMonth() - settings.retentionAuditMonths);
  const attempts = await db.delete(loginAttempts).where(lt(loginAttempts.at, attemptsBefore)).returning({ id: loginAttempts.id });
  await purgeOldAttempts(db, now);
  const audit = await db.delete(auditLog).where(lt(auditLog.at, auditBefore)).returning({ id: auditLog.id });
  return { loginAttempts: attempts.length, auditEntries: audit.length };
}
