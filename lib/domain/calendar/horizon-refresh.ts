import { and, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import { refreshOccurrences } from "./save-event";

/**
 * Recurring series are expanded only up to a horizon (two years) when saved; the broker's weekly job calls this so
 * an open-ended series never runs out of occurrences. Each event is re-expanded under its row lock, so an edit at
 * the same moment is not overwritten with stale values. Returns how many series were refreshed.
 * Occurrences newly inside the horizon are not conflict-checked (as when saving, the series was accepted whole).
 */
export async function extendRecurringHorizon(db: Db, now = new Date()): Promise<number> {
  const open = await db
    .select({ id: events.id })
    .from(events)
    .where(and(isNotNull(events.recurrenceFreq), or(isNull(events.recurrenceUntil), gt(events.recurrenceUntil, now))));
  for (const { id } of open) {
    await db.transaction(async (tx) => {
      const [event] = await tx.select().from(events).where(eq(events.id, id)).for("update");
      if (event?.recurrenceFreq) await refreshOccurrences(tx, event, now);
    });
  }
  return open.length;
}
