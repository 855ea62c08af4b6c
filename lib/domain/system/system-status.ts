import { desc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { brokerHeartbeats } from "@/lib/db/schema";
import { BROKER_STALE_AFTER_MS } from "./health";

export interface DatabaseSizes {
  totalBytes: number;
  /** rows is counted (exact) unless the planner's estimate says the table is too big to count on every visit. */
  tables: { name: string; bytes: number; rows: number; exact: boolean }[];
}

/** Above this estimate a table's rows are not counted (a full scan per page view); the estimate is shown instead. */
export const COUNT_ROWS_UP_TO = 1_000_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Size of the database and of each table with its indexes, and its rows. The planner's estimate alone is no row
 * count: without ANALYZE (the embedded database has no autovacuum) it stays 0 or -1, so tables are counted.
 */
export async function databaseSizes(db: Db): Promise<DatabaseSizes> {
  const [total] = await db.execute<{ bytes: string }>(sql`select pg_database_size(current_database())::text as bytes`);
  const tables = await db.execute<{ name: string; bytes: string; rows: string }>(
    sql`select c.relname as name, pg_total_relation_size(c.oid)::text as bytes, greatest(c.reltuples, 0)::bigint::text as rows
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc, c.relname`,
  );
  const toCount = tables.filter((t) => Number(t.rows) <= COUNT_ROWS_UP_TO).map((t) => t.name);
  const counted = new Map<string, number>();
  if (toCount.length > 0) {
    // One statement for all tables; the names come from pg_class and are quoted as identifiers.
    const union = toCount
      .map((name) => `select ${`'${name.replace(/'/g, "''")}'`} as name, count(*)::text as n from public.${quoted(name)}`)
      .join(" union all ");
    for (const row of await db.execute<{ name: string; n: string }>(sql.raw(union))) counted.set(row.name, Number(row.n));
  }
  return {
    totalBytes: Number(total!.bytes),
    tables: tables.map((t) => {
      const exact = counted.get(t.name);
      return { name: t.name, bytes: Number(t.bytes), rows: exact ?? Number(t.rows), exact: exact !== undefined };
    }),
  };
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
  /** The instance cannot write its spool (read-only or full DATA_DIR). */
  spoolUnwritable: boolean;
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
      spoolUnwritable: r.metrics.spoolUnwritable === 1,
      metrics: r.metrics,
    };
  });
}
