import { databaseSizes } from "@/lib/domain/system/system-status";
import { getDb } from "./db";
import { keptFor } from "./kept-for";

/**
 * The system page's database figures, measured at most once a minute per web process: a measurement asks the size
 * of every table and index file and counts the rows (on the embedded database ~100–200 ms at 10,000 people, the
 * page's whole cost twice over), and the figures hardly move in a minute. The page says when they were measured.
 */
export const recentDatabaseSizes = keptFor(60_000, () => databaseSizes(getDb()));
