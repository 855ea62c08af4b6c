import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { runMigrations } from "./migrate";
import { ensureReferenceData } from "./reference-data";

/** Brings any database up to date: pending migrations with the database functions, then the reference rows every installation needs. */
export async function prepareDatabase(db: Db): Promise<void> {
  await runMigrations(db);
  await ensureReferenceData(db);
}

/** Throws the driver's error (ECONNREFUSED, bad password, unknown database …) if the database cannot answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
