import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Db } from "@/lib/db/client";
import { applyDatabaseCode } from "./sql";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Any number means the same to every process of this app: hold it while migrating so that a web and a
// broker process started together never run the same migration twice.
const MIGRATION_LOCK = 727_100_001;

/** Applies every pending migration; each runs in a transaction, so a failing one leaves the database as it was. */
export async function runMigrations(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    // drizzle's Db type is structural over postgres-js; the migrator wants the concrete class.
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
    // Here rather than in prepare.ts so that test databases (migrated only) carry the same guards.
    await applyDatabaseCode(db);
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
