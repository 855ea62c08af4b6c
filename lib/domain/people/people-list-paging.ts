import { and, asc, count, desc, eq, isNotNull, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import { nameParts } from "./search-paging";
import type { PeopleListRow, PeopleQuery } from "./people-list";
import { cappedLimit, cappedPages, countedPage, nameOrder, namesFirst, type PageQuery } from "./search-paging";

/** What the admin list shows of a person. */
export const listColumns = {
  personId: people.id,
  memberNumber: people.memberNumber,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  email: profiles.email,
  statusKey: membershipStatuses.key,
  statusName: membershipStatuses.name,
  statusSortOrder: membershipStatuses.sortOrder,
  joinedOn: people.joinedOn,
};

export type ListResult = { rows: PeopleListRow[]; total: number; more: boolean; page: number; pages: number };

/**
 * One page of the list in name order without a search, read along profiles_name_idx (last name, first name, id;
 * backward for "desc"): the index is walked until the page is full, each person checked against the filter on the
 * way, instead of every match joined to its profile and sorted (at 10,000 people that sort was most of the admin
 * list's time). Only people with a profile: those without one (erased, no name) come after every name in both
 * directions, by id (listByName). With `counted`, each row also carries how many people there are (no condition).
 * Exported for the test that proves its plan has no Sort.
 */
export function namedPageQuery(db: Db, where: SQL | undefined, dir: "asc" | "desc", limit: number, offset: number, counted = false) {
  const order = dir === "desc" ? desc : asc;
  return db
    .select({ ...listColumns, everyone: counted ? sql<number>`(select count(*) from ${people})`.mapWith(Number) : sql<number>`0`.mapWith(Number) })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(where)
    .orderBy(order(profiles.lastName), order(profiles.firstName), order(profiles.personId))
    .limit(limit)
    .offset(offset);
}

/**
 * The name order without a search. The walk (namedPageQuery) pays when it finds the page soon: when the index
 * entries it reads, (offset + page size) × everyone / matches, are no more than the matches a sort would read (the
 * role holders' rule, access/role-holders.ts); else `sorted`. Without a condition (a viewer who sees every group, no
 * filter: the page as it opens) the count rides along with the walk, one prepared statement; else people are
 * counted first (profiles are not joined: the filters and view rights are conditions on people).
 */
export async function listByName(
  db: Db,
  f: PeopleQuery,
  where: SQL | undefined,
  pageSize: number,
  sorted: (page: number) => PromiseLike<PeopleListRow[]>,
): Promise<ListResult> {
  const walk = async (limit: number, offset: number): Promise<(PeopleListRow & { everyone: number })[]> =>
    namedPageQuery(db, where, f.dir, limit, offset, !where).prepare("people_by_name").execute();
  let walked: PeopleListRow[] | undefined;
  let total: number;
  let everyone: number;
  const first = where ? [] : await walk(pageSize, (f.page - 1) * pageSize);
  if (first.length) {
    total = everyone = first[0]!.everyone;
    walked = first.map(({ everyone: _everyone, ...row }) => row);
  } else
    [{ total, everyone } = { total: 0, everyone: 0 }] = await db
      .select({ total: where ? sql<number>`count(*) filter (where ${where})`.mapWith(Number) : count(), everyone: count() })
      .from(people);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pages);
  const result = (rows: PeopleListRow[]) => ({ rows, total, more: false, page, pages });
  if (total === 0) return result([]);
  const offset = (page - 1) * pageSize;
  if (!walked && (offset + pageSize) * everyone > total * total) return result(await sorted(page));
  const parts = nameParts<PeopleListRow>(db, listColumns, { named: undefined, nameless: and(where, isNull(profiles.personId)), dir: f.dir });
  const named = async (limit: number, at: number) => walked ?? (await walk(limit, at)).map(({ everyone: _everyone, ...row }) => row);
  return result(
    await namesFirst(
      {
        ...parts,
        named,
        countNamed: async () => (await db.select({ n: count() }).from(profiles).innerJoin(people, eq(people.id, profiles.personId)).where(where))[0]?.n ?? 0,
      },
      pageSize,
      offset,
      total,
    ),
  );
}

/** The columns the list's order reads: the tables' (listColumns), or a subquery's of the same names. */
export type KeyColumns = Record<"personId" | "memberNumber" | "lastName" | "firstName" | "statusSortOrder" | "joinedOn", SQL | AnyColumn>;

/**
 * A page of a search in an order other than by name, without sorting every match: the page's rows are among the first
 * `offset + limit` of each part below in its own order, so those are read, sorted together in the list's order
 * (`order`, on the parts' union) and paged. Each part's order is an index's, walked until it has enough matches, or,
 * for a narrow text, its few matches sorted (the planner's choice, part by part):
 * - by number or joined date: people with a profile and the key (the member number's unique index; people_joined_idx),
 *   those with a profile without it (by id), and those without a profile (few: found by number or card alone);
 * - by status: those with a profile of each status (`statusIds`, written into the statement so each part is planned
 *   for its own status) along profiles_name_idx, and those without a profile.
 * Nulls come last in both directions, as the list's order has them: the key's parts are apart so each walk is one way.
 */
export function sortedSearchPage(
  db: Db,
  f: PeopleQuery,
  found: { named: SQL | undefined; nameless: SQL | undefined },
  statusIds: number[],
  order: (c: KeyColumns) => SQL[],
  limit: number,
  offset: number,
): PageQuery<PeopleListRow> {
  const by = f.dir === "desc" ? desc : asc;
  const reach = offset + limit;
  const named = (where: SQL, orderBy: SQL[]) =>
    db
      .select(listColumns)
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(and(found.named, where))
      .orderBy(...orderBy)
      .limit(reach);
  const nameless = db
    .select(listColumns)
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(found.nameless)
    .orderBy(...order(listColumns))
    .limit(reach);
  const parts =
    f.sort === "status"
      ? statusIds.map((id) =>
          named(sql`${people.statusId} = ${sql.raw(String(Math.trunc(id)))}`, [by(profiles.lastName), by(profiles.firstName), by(profiles.personId)]),
        )
      : [
          // Member numbers are unique: the number alone orders its part (its index, either way).
          f.sort === "number"
            ? named(isNotNull(people.memberNumber), [by(people.memberNumber)])
            : named(isNotNull(people.joinedOn), [by(people.joinedOn), by(people.id)]),
          named(isNull(f.sort === "number" ? people.memberNumber : people.joinedOn), [by(people.id)]),
        ];
  const [first, ...rest] = parts;
  if (!first) return nameless.offset(offset) as unknown as PageQuery<PeopleListRow>;
  const sorted = unionAll(nameless, first, ...rest).as("sorted");
  return db
    .select()
    .from(sorted)
    .orderBy(...order(sorted))
    .limit(limit)
    .offset(offset) as unknown as PageQuery<PeopleListRow>;
}

/**
 * A search: counted no further than SEARCH_COUNT_CAP (`more`: the pages reach the first ones, the last of them
 * stopping at the cap), the count and the requested page's first part in one statement (countedPage), also when
 * nothing is found; the count reads the matches part by part (with a profile: `found.named`, driven from profiles;
 * without: `found.nameless`) and stops at the cap. By name, the page is read along profiles_name_idx (the search as
 * a condition on the profile's row), then those without a profile by id (namesFirst), so a one-letter text neither
 * sorts nor counts everyone; another order reads sortedSearchPage, bounded the same way. A page past the end reads
 * the last page after the count.
 */
export async function listSearched(
  db: Db,
  f: PeopleQuery,
  found: { named: SQL | undefined; nameless: SQL | undefined },
  pageSize: number,
  /** The list's order on columns of these names. */
  order: (c: KeyColumns) => SQL[],
  /** The statuses, for the order by status (sortedSearchPage). */
  statusIds: number[],
): Promise<ListResult> {
  const parts = nameParts<PeopleListRow>(db, listColumns, { named: found.named, nameless: found.nameless, dir: f.dir });
  const byName = f.sort === "name";
  const offsetOf = (page: number) => (page - 1) * pageSize;
  const pageOf = (page: number) =>
    byName
      ? parts.named(cappedLimit(pageSize, offsetOf(page)), offsetOf(page))
      : sortedSearchPage(db, f, found, statusIds, order, cappedLimit(pageSize, offsetOf(page)), offsetOf(page));
  const matching = sql`(select ${people.id} from ${profiles} join ${people} on ${people.id} = ${profiles.personId} where ${found.named ?? sql`true`}
    union all select ${people.id} from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} where ${found.nameless ?? sql`true`})`;
  const pageOrder = byName ? nameOrder(f.dir) : (c: Record<string, SQL>) => order(c as unknown as KeyColumns);
  const { n, rows: read } = await countedPage<PeopleListRow>(db, matching, pageOf(f.page), pageOrder);
  const { more, total, pages, page } = cappedPages(n, pageSize, f.page);
  if (!total) return { rows: [], total, more, page, pages };
  const first = page === f.page ? read : await pageOf(page);
  // By name: namesFirst goes on to the nameless only where the page is not full and matches remain.
  const rows = byName ? await namesFirst(parts, cappedLimit(pageSize, offsetOf(page)), offsetOf(page), more ? undefined : total, first) : first;
  return { rows, total, more, page, pages };
}
