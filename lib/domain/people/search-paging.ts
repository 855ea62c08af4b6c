import { asc, count, desc, eq, sql, type SQL, type SQLWrapper, type Subquery } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";

/**
 * Counting a search stops here: a broad text (one letter) would otherwise read and count every person each time.
 * Lists say "more than 1,000" and show the first 1,000 in order; a narrower search finds the rest.
 */
export const SEARCH_COUNT_CAP = 1000;

/** A page's limit: the page size, but the last page within the cap stops at it (size 30: rows 991–1,000, not 991–1,020). */
export const cappedLimit = (pageSize: number, offset: number) => Math.max(0, Math.min(pageSize, SEARCH_COUNT_CAP - offset));

/** A search's count read no further than the cap: `more` when more than SEARCH_COUNT_CAP match, and the pages. */
export function cappedPages(n: number, pageSize: number, requested: number) {
  const more = n > SEARCH_COUNT_CAP;
  const total = more ? SEARCH_COUNT_CAP : n;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { more, total, pages, page: Math.min(Math.max(requested, 1), pages) };
}

/** A select builder: its rows, and it can stand as a subquery. */
export interface PageQuery<T> extends PromiseLike<T[]> {
  as(alias: string): Subquery;
}

/**
 * A search's capped count and a page of it in ONE statement, whatever the page holds: the count is the driving row
 * and the page is joined to it laterally (`select … from (count) c left join lateral (page) p on true`). A search
 * that finds nobody is then one round trip too (the count's one row with an empty page), where a page carrying the
 * count along as a column had no row to carry it. `matching` is any select of the matches; it is read
 * no further than SEARCH_COUNT_CAP + 1 rows. Raw SQL fields of the page need an alias (`.as`) to be read through it.
 */
export async function countedPage<T>(
  db: Db,
  matching: SQLWrapper,
  page: PageQuery<T>,
  /**
   * The page's order on its own columns, written into the statement: its rows come out in it whatever the plan (the
   * lateral join handing on the page's rows in their order was the plan's choice, not the statement's).
   */
  order: (page: Record<string, SQL>) => SQL[],
): Promise<{ n: number; rows: T[] }> {
  const counted = db
    .select({ n: sql<number>`count(*)`.mapWith(Number).as("n") })
    .from(sql`(select 1 from ${matching} as m limit ${SEARCH_COUNT_CAP + 1}) as matching`)
    .as("counted");
  const sub = page.as("page");
  const p = sub as unknown as Record<string, SQL>;
  const fields = Object.fromEntries(Object.keys(sub._.selectedFields).map((k) => [k, p[k]!]));
  // The key of the page's row is never null in a row it has: a null marks the count's row without a page.
  const [first] = Object.keys(fields);
  const rows = (await db
    .select({ counted_n: counted.n, ...fields })
    .from(counted)
    .leftJoinLateral(sub, sql`true`)
    .orderBy(...order(fields))) as unknown as (T & { counted_n: number })[];
  return {
    n: rows[0]?.counted_n ?? 0,
    rows: rows.filter((r) => (r as Record<string, unknown>)[first!] !== null).map(({ counted_n: _n, ...row }) => row as unknown as T),
  };
}

/** The name order (last name, first name, id) on a page's columns of those names: a named part's (countedPage). */
export const nameOrder =
  (dir: "asc" | "desc" = "asc") =>
  (page: Record<string, SQL>): SQL[] => {
    const by = dir === "desc" ? desc : asc;
    return [by(page.lastName!), by(page.firstName!), by(page.personId!)];
  };

/** Reads `limit` rows of one part of a search from `offset`. */
export type PartPage<T> = (limit: number, offset: number) => PromiseLike<T[]>;

/**
 * A page of a search whose order puts the people with a name shown first (by that name, along profiles_name_idx),
 * then the rest (by id): the named part's page, and only when it is not full the nameless part's, from where the
 * named ones end. A broad text (one letter: every person matches) reads a page of index entries instead of
 * sorting every match. `countNamed` is asked only for a page that starts past every named match.
 */
export async function namesFirst<T>(
  parts: { named: PartPage<T>; nameless: PartPage<T>; countNamed: () => Promise<number> },
  limit: number,
  offset: number,
  /** How many match in all, when counted (not capped): the nameless part is then read only if some remain. */
  total?: number,
  /** The named part's page when already read (countedPage). */
  named?: T[],
): Promise<T[]> {
  const read = named ?? (limit > 0 ? await parts.named(limit, offset) : []);
  if (read.length >= limit || (total !== undefined && offset + read.length >= total)) return read;
  const namedTotal = read.length > 0 || offset === 0 ? offset + read.length : await parts.countNamed();
  return [...read, ...(await parts.nameless(limit - read.length, Math.max(0, offset - namedTotal)))];
}

/**
 * The two parts of a search read names first (namesFirst), as queries with the status joined, built here once for
 * every list that pages so (the admin list, the equipment pages' search, the picker): `named` is driven from
 * `profiles` along profiles_name_idx (last name, first name, id; backward for "desc"), `nameless` from `people`
 * left-joined to the profile, by id. `sight` (peopleSearch) is joined after the profile where the columns or the
 * conditions read it.
 */
export function nameParts<T>(db: Db, columns: SelectedFields, where: { named: SQL | undefined; nameless: SQL | undefined; sight?: SQL; dir?: "asc" | "desc" }) {
  const order = where.dir === "desc" ? desc : asc;
  // A new builder for each use: a builder changes in place as it is ordered and paged.
  const named = () => {
    const q = db
      .select(columns)
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .$dynamic();
    return (where.sight ? q.leftJoin(where.sight, sql`true`) : q).where(where.named);
  };
  const nameless = () => {
    const q = db
      .select(columns)
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .$dynamic();
    return (where.sight ? q.leftJoin(where.sight, sql`true`) : q).where(where.nameless);
  };
  return {
    named: (limit: number, offset: number): PageQuery<T> =>
      named().orderBy(order(profiles.lastName), order(profiles.firstName), order(profiles.personId)).limit(limit).offset(offset) as unknown as PageQuery<T>,
    /** `limit` may be an expression (the picker's rest after the named rows), written into the statement as is. */
    nameless: (limit: number | SQL, offset: number): PageQuery<T> =>
      nameless()
        .orderBy(order(people.id))
        .limit(limit as number)
        .offset(offset) as unknown as PageQuery<T>,
    countNamed: async () => (await db.select({ n: count() }).from(named().as("named")))[0]?.n ?? 0,
  };
}
