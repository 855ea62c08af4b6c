import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "@/lib/db/client";
import { applyDatabaseCode } from "./sql";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Any number means the same to every process of this app: hold it while migrating so that a web and a
// broker process started together never run the same migration twice.
const MIGRATION_LOCK = 727_100_001;

/**
 * Applies every pending migration and the database code in one transaction, so a failing one leaves the database as
 * it was. The lock is the transaction's (released by its end, on its one connection): a session lock taken and
 * released as separate statements on a pool could be released on another connection (a no-op) and stay held until
 * the first one closed, every later start waiting for it.
 */
export async function runMigrations(db: Db): Promise<void> {
  // Read committed whatever the server's default: a later snapshot (repeatable read, serializable) would be taken
  // before the lock was granted, and the second of two instances would not see the first one's migrations.
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await applyPendingMigrations(tx);
      // Here rather than in prepare.ts so that test databases (migrated only) carry the same guards.
      await applyDatabaseCode(tx);
    },
    { isolationLevel: "read committed" },
  );
}

/** drizzle's migrator (pg-core dialect.migrate), run in the caller's transaction instead of one of its own. */
async function applyPendingMigrations(tx: Db): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  const [last] = await tx.execute<{ created_at: string }>(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  for (const migration of readMigrationFiles({ migrationsFolder })) {
    if (last && Number(last.created_at) >= migration.folderMillis) continue;
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
  }
}
