import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { FEED_MARKER_TRIGGERS } from "./feed-marker";
import { DATA_VERSION_TRIGGERS } from "./data-versions";
import { SETTINGS_VERSION_TRIGGERS } from "./settings-version";
import { INVENTORY_GUARDS } from "./inventory";
import { PEOPLE_GUARDS } from "./people";
import { USAGE_COUNTERS, rebuildStaleUsageCounters, usageCountersStale } from "./usage-counters";

/** Every statement of the database code, in the order it is applied. */
export const DATABASE_CODE: readonly string[] = [
  ...PEOPLE_GUARDS,
  ...INVENTORY_GUARDS,
  ...DATA_VERSION_TRIGGERS,
  ...SETTINGS_VERSION_TRIGGERS,
  ...FEED_MARKER_TRIGGERS,
  ...USAGE_COUNTERS,
];

export function codeFingerprint(code: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(code)).digest("hex");
}

/**
 * What the database holds of that code, as one digest computed by the database: the source of every function of
 * ours (not an extension's) and every trigger's definition and enabled state. A function or trigger changed or
 * dropped by anything else (an older version of the app started on this database, a migration that recreated a
 * table, a hand edit) changes it.
 */
const installedDigest = sql`md5(
  coalesce((select string_agg(p.oid::regprocedure::text || ':' || md5(p.prosrc), ',' order by p.oid::regprocedure::text)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'ms_internal') and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')), '')
  || '|' ||
  coalesce((select string_agg(pg_get_triggerdef(t.oid) || ':' || t.tgenabled::text, ',' order by pg_get_triggerdef(t.oid))
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and n.nspname = 'public'), ''))`;

const appliedMigrations = sql`(select count(*)::int from drizzle.__drizzle_migrations)`;

/**
 * Database functions and triggers that drizzle-kit does not generate. Each statement is idempotent (CREATE OR
 * REPLACE, DROP … IF EXISTS); they are applied after a migration run, for every database (the embedded one,
 * PostgreSQL, the test databases), unless nothing changed since they were last applied: not the code (its
 * fingerprint), not what the database holds of it (`installedDigest`), not the number of migrations, and the usage
 * counters are not stale (rows loaded with triggers off). Those three are kept in ms_internal.database_code (not in
 * the public schema, so backups neither carry nor reset it) and compared, with the staleness, in one statement;
 * applying the code at every start cost ~290 ms of CPU (~90 statements). Callers hold the migration lock
 * (migrate.ts), so instances starting together apply it once. Returns whether it was applied.
 */
export async function applyDatabaseCode(db: Db, code: readonly string[] = DATABASE_CODE): Promise<boolean> {
  const fingerprint = codeFingerprint(code);
  if (await unchanged(db, fingerprint)) return false;
  await db.transaction(async (tx) => {
    for (const statement of code) await tx.execute(sql.raw(statement));
    await rebuildStaleUsageCounters(tx);
    await tx.execute(sql`create schema if not exists ms_internal`);
    // Made anew each time: one row, whatever shape an earlier version gave the table.
    await tx.execute(sql`drop table if exists ms_internal.database_code`);
    await tx.execute(sql`create table ms_internal.database_code (fingerprint text not null, installed text not null, migrations int not null)`);
    await tx.execute(sql`insert into ms_internal.database_code values (${fingerprint}, ${installedDigest}, ${appliedMigrations})`);
  });
  return true;
}

async function unchanged(db: Db, fingerprint: string): Promise<boolean> {
  const read = async (reader: Db) =>
    (
      await reader.execute<{ same: boolean }>(
        sql`select fingerprint = ${fingerprint} and installed = ${installedDigest} and migrations = ${appliedMigrations} and not ${usageCountersStale} as same from ms_internal.database_code`,
      )
    )[0]?.same === true;
  try {
    // In a transaction (the migrations'), a failed read would abort it: read in a savepoint there.
    return inTransaction(db) ? await db.transaction(read) : await read(db);
  } catch (error) {
    // undefined_table, invalid_schema_name, undefined_column: a database from before it was kept in this form.
    const code = ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
    if (code === "42P01" || code === "3F000" || code === "42703") return false;
    throw error;
  }
}

function inTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}
