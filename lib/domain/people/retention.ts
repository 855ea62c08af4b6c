import { and, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { unknownCards, usageSessions } from "@/lib/db/schema";

const DAY_MS = 24 * 60 * 60 * 1000;
export const UNKNOWN_CARD_RETENTION_DAYS = 30;

/** Unknown-card swipes are only useful to register a new card on the spot: gone after 30 days. */
export async function purgeUnknownCards(db: Db, now = new Date(), days = UNKNOWN_CARD_RETENTION_DAYS): Promise<number> {
  const rows = await db.delete(unknownCards).where(lt(unknownCards.seenAt, new Date(now.getTime() - days * DAY_MS))).returning({ id: unknownCards.id });
  return rows.length;
}

export type UsagePurge = { anonymised: number } | { skipped: string };

/**
 * Usage older than the retention period loses the link to a person (person and card uid); machine hours,
 * maintenance and totals still count it. Needs usage_sessions.person_id to be nullable: until the machine-floor
 * schema allows that, this reports why it did nothing instead of failing the whole purge.
 */
export async function anonymiseOldUsage(db: Db, now: Date, days: number): Promise<UsagePurge> {
  const [column] = (await db.execute(
    sql`select is_nullable from information_schema.columns where table_schema = current_schema() and table_name = 'usage_sessions' and column_name = 'person_id'`,
  )) as unknown as { is_nullable: string }[];
  if (!column) return { skipped: "there is no usage_sessions table" };
  if (column.is_nullable !== "YES") return { skipped: "usage_sessions.person_id is NOT NULL, so usage cannot be anonymised yet" };
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const rows = await db
    .update(usageSessions)
    .set({ personId: sql`null`, cardUid: "00000000" })
    .where(and(lt(usageSessions.startedAt, cutoff), isNotNull(usageSessions.personId)))
    .returning({ id: usageSessions.id });
  return { anonymised: rows.length };
}

export interface PurgeReport {
  unknownCardsDeleted: number;
  usage: UsagePurge;
}

/** The daily retention job (npm run purge; the broker may schedule it too). */
export async function runPurge(db: Db, opts: { usageAfterDays: number; now?: Date }): Promise<PurgeReport> {
  const now = opts.now ?? new Date();
  return { unknownCardsDeleted: await purgeUnknownCards(db, now), usage: await anonymiseOldUsage(db, now, opts.usageAfterDays) };
}
