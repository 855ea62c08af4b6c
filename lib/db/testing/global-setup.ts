import postgres from "postgres";
import { runMigrations } from "@/drizzle/migrate";
import { createDb } from "../client";

/**
 * With DATABASE_URL set, builds one migrated template database there; each test file clones it.
 * Without, test files use their own in-memory PGlite and nothing is prepared here.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const base = new URL(url);
  const templateName = `ms_template_${process.pid}`;
  base.pathname = "/postgres";
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
    await admin.unsafe(`create database "${templateName}"`);
  } catch (error) {
    await admin.end();
    throw new Error(`Cannot prepare the test database on ${url}: ${(error as Error).message}`);
  }
  const templateUrl = new URL(base.toString());
  templateUrl.pathname = `/${templateName}`;
  const handle = createDb(templateUrl.toString(), { max: 1 });
  await runMigrations(handle.db);
  await handle.close();
  process.env.TEST_PG_TEMPLATE_URL = templateUrl.toString();
  return async () => {
    await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
    await admin.end();
  };
}
