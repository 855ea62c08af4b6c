import { desc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { brokerHeartbeats } from "@/lib/db/schema";

/** A broker writes its heartbeat every few seconds; silence for longer than this means it is down. */
export const BROKER_STALE_AFTER_MS = 30_000;

export interface BrokerHealth {
  ok: boolean;
  lastSeenAt: string | null;
  connectedClients: number;
  /** A live instance cannot write its spool (read-only or full DATA_DIR): board facts are lost while the database is away. */
  spoolWritable: boolean;
}

/** Status of the board broker(s) as seen through the database, summed over instances still alive. */
export async function getBrokerHealth(db: Db, now = new Date()): Promise<BrokerHealth> {
  const rows = await db
    .select({ lastSeenAt: brokerHeartbeats.lastSeenAt, connectedClients: brokerHeartbeats.connectedClients, metrics: brokerHeartbeats.metrics })
    .from(brokerHeartbeats)
    .orderBy(desc(brokerHeartbeats.lastSeenAt));
  const alive = rows.filter((r) => now.getTime() - r.lastSeenAt.getTime() <= BROKER_STALE_AFTER_MS);
  return {
    ok: alive.length > 0,
    lastSeenAt: rows[0]?.lastSeenAt.toISOString() ?? null,
    connectedClients: alive.reduce((sum, r) => sum + r.connectedClients, 0),
    spoolWritable: !alive.some((r) => r.metrics.spoolUnwritable === 1),
  };
}

export async function pingDb(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
