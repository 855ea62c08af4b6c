import { randomBytes } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { runMigrations } from "@/drizzle/migrate";
import { createDb, type Db } from "../client";
import { startEmbeddedPostgres } from "../embedded/embedded-postgres";

export interface TestDatabase {
  db: Db;
  url: string;
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
