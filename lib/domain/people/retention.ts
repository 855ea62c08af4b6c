import { and, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { interventions, unknownCards, usageSessions } from "@/lib/db/schema";

const DAY_MS = 24 * 60 * 60 * 1000;
export const UNKNOWN_CARD_RETENTION_DAYS = 30;

/** Unknown-card swipes are only useful to register a new card on the spot: gone after 30 days. */
export async function purgeUnknownCards(db: Db, now = new Date(), days = UNKNOWN_CARD_RETENTION_DAYS): Promise<number> {
  const rows = await db
    .delete(unknownCards)
    .where(lt(unknownCards.seenAt, new Date(now.getTime() - days * DAY_MS)))
    .returning({ id: unknownCards.id });
  return rows.length;
}

export type UsagePurge = { anonymised: number };

/**
 * Usage older than the retention period loses the link to a person (person and card uid); machine hours,
 * maintenance counters and totals still count it, since the machine, start and duration stay.
 */
export async function anonymiseOldUsage(db: Db, now: Date, days: number): Promise<UsagePurge> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const rows = await db
    .update(usageSessions)
    .set({ personId: null, cardUid: "00000000" })
    .where(and(lt(usageSessions.startedAt, cutoff), isNotNull(usageSessions.personId)))
    .returning({ id: usageSessions.id });
  return { anonymised: rows.length };
}

/**
 * Who did a maintenance intervention is forgotten after the same period as who used the machine: the work, its date
 * and notes stay for the machine's history, and the plan still counts from it.
 */
export async function anonymiseOldInterventions(db: Db, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const rows = await db
    .update(interventions)
    .set({ personId: null })
    .where(and(lt(interventions.doneAt, cutoff), isNotNull(interventions.personId)))
    .returning({ id: interventions.id });
  return rows.length;
}

export interface PurgeReport {
  unknownCardsDeleted: number;
  usage: UsagePurge;
  interventionsAnonymised: number;
}

/** Part of the daily retention purge (lib/ops/jobs/retention-job.ts); `npm run job -- retention-purge` by hand. */
export async function runPurge(db: Db, opts: { usageAfterDays: number; now?: Date }): Promise<PurgeReport> {
  const now = opts.now ?? new Date();
  return {
    unknownCardsDeleted: await purgeUnknownCards(db, now),
    usage: await anonymiseOldUsage(db, now, opts.usageAfterDays),
    interventionsAnonymised: await anonymiseOldInterventions(db, now, opts.usageAfterDays),
  };
}
