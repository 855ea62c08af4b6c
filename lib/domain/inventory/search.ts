import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inventoryCategories, inventoryLocations, thingLoans, things } from "@/lib/db/schema";
import { locationAndDescendantIds } from "./locations";

export interface ThingFilter {
  /** Free text: PostgreSQL full-text search over name and description, plus a substring match on the name. */
  query?: string;
  categoryId?: number;
  /** Things in this location or anywhere below it ("what is in this box"). */
  locationId?: number;
  /** Only things lent to the space by members. */
  onLoanFromMembers?: boolean;
  limit?: number;
  offset?: number;
}

export interface ThingListRow {
  id: number;
  number: number;
  name: string;
  description: string;
  categoryName: string | null;
  locationId: number | null;
  locationName: string | null;
  photoKey: string | null;
  lentOut: boolean;
  lenderPersonId: number | null;
  lenderUntil: string | null;
}

// Same expression as the GIN index things_search_idx, so the planner can use it.
const document = sql`to_tsvector('simple', ${things.name} || ' ' || ${things.description})`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The list's columns, joined: the inventory page, its search and the API read things through this. */
function listRows(db: Db) {
  return db
    .select({
      id: things.id,
      number: things.number,
      name: things.name,
      description: things.description,
      categoryName: inventoryCategories.name,
      locationId: things.locationId,
      locationName: inventoryLocations.name,
      photoKey: things.photoKey,
      lentOut: sql<boolean>`${thingLoans.id} is not null`,
      lenderPersonId: things.lenderPersonId,
      lenderUntil: things.lenderUntil,
    })
    .from(things)
    .leftJoin(inventoryCategories, eq(inventoryCategories.id, things.categoryId))
    .leftJoin(inventoryLocations, eq(inventoryLocations.id, things.locationId))
    .leftJoin(thingLoans, and(eq(thingLoans.thingId, things.id), isNull(thingLoans.returnedAt)));
}

/** One thing as the list shows it, by the number on its label; null when there is none. */
export async function thingRowByNumber(db: Db, number: number): Promise<ThingListRow | null> {
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) return null;
  const [row] = await listRows(db).where(eq(things.number, number));
  return row ?? null;
}

export async function searchThings(db: Db, filter: ThingFilter): Promise<{ rows: ThingListRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  const query = filter.query?.trim().slice(0, 200);
  let rank: SQL | undefined;
  if (query) {
    const tsQuery = sql`websearch_to_tsquery('simple', ${query})`;
    conditions.push(or(sql`${document} @@ ${tsQuery}`, ilike(things.name, `%${escapeLike(query)}%`)));
    rank = sql`ts_rank(${document}, ${tsQuery})`;
  }
  if (filter.categoryId) conditions.push(eq(things.categoryId, filter.categoryId));
  if (filter.locationId) conditions.push(inArray(things.locationId, await locationAndDescendantIds(db, filter.locationId)));
  if (filter.onLoanFromMembers) conditions.push(eq(things.ownership, "on_loan_from_member"));
  const where = and(...conditions);
  const rows = await listRows(db)
    .where(where)
    .orderBy(...(rank ? [sql`${rank} desc`] : []), filter.onLoanFromMembers ? asc(things.lenderUntil) : asc(things.name), asc(things.number))
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(things)
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}
