import { desc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { brokerHeartbeats } from "@/lib/db/schema";
import { BROKER_STALE_AFTER_MS } from "./health";

export interface DatabaseSizes {
  totalBytes: number;
  tables: { name: string; bytes: number; rows: number }[];
}

/** Size of the database and of each table with its indexes (row counts are the planner's estimates). */
export async function databaseSizes(db: Db): Promise<DatabaseSizes> {
  const [total] = await db.execute<{ bytes: string }>(sql`select pg_database_size(current_database())::text as bytes`);
  const tables = await db.execute<{ name: string; bytes: string; rows: string }>(
    sql`select c.relname as name, pg_total_relation_size(c.oid)::text as bytes, greatest(c.reltuples, 0)::bigint::text as rows
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc, c.relname`,
  );
  return { totalBytes: Number(total!.bytes), tables: tables.map((t) => ({ name: t.name, bytes: Number(t.bytes), rows: Number(t.rows) })) };
}

export interface BrokerInstanceStatus {
  instanceId: string;
  alive: boolean;
  startedAt: Date;
  lastSeenAt: Date;
  connectedClients: number;
  /** Board requests per minute, averaged since the instance started (the heartbeat carries counters only). */
  messagesPerMinute: number;
  spoolDepth: number | null;
  metrics: Record<string, number>;
}

export async function brokerStatus(db: Db, now = new Date()): Promise<BrokerInstanceStatus[]> {
  const rows = await db.select().from(brokerHeartbeats).orderBy(desc(brokerHeartbeats.lastSeenAt)).limit(10);
  return rows.map((r) => {
    const minutes = Math.max((r.lastSeenAt.getTime() - r.startedAt.getTime()) / 60_000, 1 / 60);
    return {
      instanceId: r.instanceId,
      alive: now.getTime() - r.lastSeenAt.getTime() <= BROKER_STALE_AFTER_MS,
      startedAt: r.startedAt,
      lastSeenAt: r.lastSeenAt,
      connectedClients: r.connectedClients,
      messagesPerMinute: Math.round(((r.metrics.received ?? 0) / minutes) * 10) / 10,
      spoolDepth: typeof r.metrics.spoolDepth === "number" ? r.metrics.spoolDepth : null,
      metrics: r.metrics,
    };
  });
}
