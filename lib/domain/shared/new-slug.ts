import { eq, like, or, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { firstFreeSlug, namesakePattern, slugOf } from "./slugs";

/**
 * A new unique slug for a row of `table` made from `text` (base, base-2, base-3 … the first free). Call it inside
 * the transaction that inserts the row: a lock per base keeps two namesakes made at once from taking the same one.
 */
export async function newSlug(tx: Db, table: PgTable, column: AnyPgColumn, text: string, fallback: string): Promise<string> {
  const base = slugOf(text, fallback);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`slug:${fallback}:${base}`}))`);
  const rows = await tx
    .select({ slug: column })
    .from(table)
    .where(or(eq(column, base), like(column, namesakePattern(base))));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug as string)));
}
