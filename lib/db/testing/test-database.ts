import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { runMigrations } from "@/drizzle/migrate";
import { createDb, type Db } from "../client";
import { startEmbeddedPostgres } from "../embedded/embedded-postgres";

export interface TestDatabase {
  db: Db;
  url: string;
  /**
   * Statements waiting behind another client's transaction: on PostgreSQL those waiting for a lock
   * (pg_stat_activity), on the embedded database those waiting for its one session (asked of the wire server, so
   * this never queues itself). Tests wait on it as a condition: a statement has reached the database and waits.
   */
  blocked(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a database cloned from the migrated template on the
 * PostgreSQL at TEST_PG_TEMPLATE_URL (set by the global setup when DATABASE_URL is given), else an
 * in-memory PGlite loaded from the migrated dump at TEST_PGLITE_DUMP, served over the wire protocol.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_PG_TEMPLATE_URL;
  if (template) return cloneFromTemplate(template);
  const dump = process.env.TEST_PGLITE_DUMP;
  const embedded = await startEmbeddedPostgres(dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {});
  const handle = createDb(embedded.url, { max: 5 });
  if (!dump) {
    await runMigrations(handle.db);
  }
  return {
    db: handle.db,
    url: embedded.url,
    blocked: async () => embedded.waitingBatches(),
    async close() {
      await handle.close();
      await embedded.stop();
    },
  };
}

async function cloneFromTemplate(templateUrl: string): Promise<TestDatabase> {
  const base = new URL(templateUrl);
  const templateName = base.pathname.slice(1);
  const name = `ms_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(withDatabase(base, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${templateName}"`);
  const url = withDatabase(base, name);
  const handle = createDb(url, { max: 5 });
  return {
    db: handle.db,
    url,
    async blocked() {
      const [row] = await handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return row!.n;
    },
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function withDatabase(base: URL, name: string): string {
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return url.toString();
}
