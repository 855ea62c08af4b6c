import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applyPeopleGuards } from "./sql/people";
import { runMigrations } from "./migrate";
import { ensureReferenceData } from "./reference-data";

/** Brings any database up to date: pending migrations, database functions, then the reference rows every installation needs. */
export async function prepareDatabase(db: Db): Promise<void> {
  await runMigrations(db);
  await applyPeopleGuards(db);
  await ensureReferenceData(db);
}

/** Throws the driver's error (ECONNREFUSED, bad password, unknown database …) if the database cannot answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
