import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/** PGlite behind our wire server (lib/db/embedded): one backend session for every client, and no autovacuum. */
export async function isEmbeddedDatabase(db: Db): Promise<boolean> {
  const [row] = await db.execute<{ v: string }>(sql`select version() as v`);
  return /PGlite/i.test(row?.v ?? "");
}

/**
 * Planner statistics for every table, after a bulk load (a fresh install's demo data, a restore). Without them PGlite's
 * planner guesses a few rows per table and picks nested loops (calendar feed at load 31: 146 → 88 ms after one ANALYZE).
 * Cheap on PostgreSQL too, where autovacuum would only get to it later.
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
