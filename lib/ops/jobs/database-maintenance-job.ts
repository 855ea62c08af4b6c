import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { isEmbeddedDatabase } from "../db-maintenance";
import type { ScheduledJob } from "../scheduler/scheduler";

/**
 * The embedded database's daily VACUUM ANALYZE: PGlite runs no autovacuum, so without it deleted rows (retention purge,
 * job runs) are never reclaimed and the statistics grow stale.
 */
export function databaseMaintenanceJob(o: { db: Db }): ScheduledJob {
  return {
    name: "database-maintenance",
    description: "reclaims deleted rows and refreshes the planner statistics of the embedded database (VACUUM ANALYZE)",
    // After the retention purge (03:00), so what it deleted is reclaimed the same night.
    schedule: { cadence: "daily", atHour: 4 },
    async run() {
      // On PostgreSQL its autovacuum does this (and VACUUM there needs to own every table, which the app's role may not).
      if (!(await isEmbeddedDatabase(o.db))) return "skipped: PostgreSQL's autovacuum does this";
      const started = Date.now();
      await o.db.execute(sql`vacuum analyze`);
      return `VACUUM ANALYZE in ${Date.now() - started} ms`;
    },
  };
}
