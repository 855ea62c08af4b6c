import type { Db } from "@/lib/db/client";
import { unknownCards } from "@/lib/db/schema";

export interface UnknownCardEvent {
  uid: string;
  machineId: number | null;
  receivedAt: Date;
}

/**
 * A swipe of a card nobody holds, kept for "register this card". Not audited: the table is itself a log and
 * changes no one's data. The same swipe applied twice (spool) is stored once (unique uid, machine, time).
 */
export async function recordUnknownCard(db: Db, ev: UnknownCardEvent): Promise<void> {
  await db.insert(unknownCards).values({ uid: ev.uid, machineId: ev.machineId, seenAt: ev.receivedAt }).onConflictDoNothing();
}
