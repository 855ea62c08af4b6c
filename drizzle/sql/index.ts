import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { FEED_MARKER_TRIGGERS } from "./feed-marker";
import { DATA_VERSION_TRIGGERS } from "./data-versions";
import { INVENTORY_GUARDS } from "./inventory";
import { PEOPLE_GUARDS } from "./people";
import { USAGE_COUNTERS, rebuildStaleUsageCounters } from "./usage-counters";

/** Every statement of the database code, in the order it is applied. */
export const DATABASE_CODE: readonly string[] = [...PEOPLE_GUARDS, ...INVENTORY_GUARDS, ...DATA_VERSION_TRIGGERS, ...FEED_MARKER_TRIGGERS, ...USAGE_COUNTERS];

export function codeFingerprint(code: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(code)).digest("hex");
}

/**
 * Database functions and triggers that drizzle-kit does not generate. Each statement is idempotent (CREATE OR
 * REPLACE, DROP … IF EXISTS); they are applied after a migration run, for every database (the embedded one,
 * PostgreSQL, the test databases), when the code or the migrations changed since they were last applied.
 * Applying them at every start cost ~290 ms of CPU (~90 statements); now a start with nothing changed reads one
 * row: the fingerprint of the code and the number of migrations, kept in ms_internal.database_code (not in the
 * public schema, so backups neither carry nor reset it). A migration re-applies them, as it may have dropped and
 * recreated a table with its triggers. Callers hold the migration lock (migrate.ts), so instances starting together
 * apply them once. Returns whether they were applied.
 */
export async function applyDatabaseCode(db: Db, code: readonly string[] = DATABASE_CODE): Promise<boolean> {
  const fingerprint = codeFingerprint(code);
  const stored = await storedFingerprint(db);
  if (stored && stored.fingerprint === fingerprint && stored.migrations === stored.applied) return false;
  await db.transaction(async (tx) => {
    for (const statement of code) await tx.execute(sql.raw(statement));
    await rebuildStaleUsageCounters(tx);
    await tx.execute(sql`create schema if not exists ms_internal`);
    await tx.execute(
      sql`create table if not exists ms_internal.database_code (id int primary key check (id = 1), fingerprint text not null, migrations int not null)`,
    );
    await tx.execute(sql`insert into ms_internal.database_code values (1, ${fingerprint}, (select count(*)::int from drizzle.__drizzle_migrations))
      on conflict (id) do update set fingerprint = excluded.fingerprint, migrations = excluded.migrations`);
  });
  return true;
}

/** The fingerprint last applied and the migrations then and now; null on a database from before it was kept. */
async function storedFingerprint(db: Db): Promise<{ fingerprint: string; migrations: number; applied: number } | null> {
  try {
    const [row] = await db.execute<{ fingerprint: string; migrations: number; applied: number }>(
      sql`select fingerprint, migrations, (select count(*)::int from drizzle.__drizzle_migrations) as applied from ms_internal.database_code where id = 1`,
    );
    return row ?? null;
  } catch (error) {
    // undefined_table, invalid_schema_name: kept by no earlier version.
    const code = ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
    if (code === "42P01" || code === "3F000") return null;
    throw error;
  }
}
