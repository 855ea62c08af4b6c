import type { Db } from "@/lib/db/client";
import { applyFeedMarkerTriggers } from "./feed-marker";
import { applyDataVersionTriggers } from "./data-versions";
import { applyInventoryGuards } from "./inventory";
import { applyPeopleGuards } from "./people";
import { applyUsageCounters } from "./usage-counters";

/**
 * Database functions and triggers that drizzle-kit does not generate. Each is idempotent (CREATE OR REPLACE,
 * DROP … IF EXISTS), so they are (re)applied after every migration run, in one place, for every database:
 * the embedded one, PostgreSQL and the test databases alike.
 */
export async function applyDatabaseCode(db: Db): Promise<void> {
  await applyPeopleGuards(db);
  await applyInventoryGuards(db);
  await applyDataVersionTriggers(db);
  await applyFeedMarkerTriggers(db);
  await applyUsageCounters(db);
}
