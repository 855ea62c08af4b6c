import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { keysetAfter, keysetOrder, type KeyValue, type SortKey } from "@/lib/db/keyset";
import {
  committeeFunctions,
  equipmentAuthorizations,
  functionHolders,
  memberships,
  membershipStatuses,
  people,
  profileStudies,
  profiles,
} from "@/lib/db/schema";
import { scopeCondition, type ViewScope } from "../access/view-rights";
import { namesFirst, personMatches, profileMatches, SEARCH_COUNT_CAP } from "./person-match";
import { spaceToday } from "../settings/space-today";
import { optionalIdParam, pageParam, searchText } from "../shared/ids";

export const SORTS = ["name", "number", "status", "joined"] as const;

/** The admin list's query string, coerced: the same schema serves the page, the CSV/XLSX export and the mailing lists. */
export const peopleFilterSchema = z.object({
  q: z.preprocess((v) => searchText(v), z.string()).catch(""),
  status: optionalIdParam,
  type: optionalIdParam,
  committee: optionalIdParam,
  trained: optionalIdParam,
  /** A field of study (study_fields.id): people who study or studied it. */
  study: optionalIdParam,
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: pageParam,
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

/**
 * The filter plus whose groups the viewer may see (access/view-rights). The scope never comes from the query
 * string: pages, exports and the API pass the viewer's; without one (scripts, benchmarks) nobody is left out.
 */
export type PeopleQuery = PeopleFilter & { scope?: ViewScope };

export function parsePeopleFilter(params: Record<string, string | string[] | undefined>): PeopleFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return peopleFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v) || undefined])));
}

export interface PeopleListRow {
  personId: number;
  memberNumber: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  statusKey: string;
  statusName: string;
  statusSortOrder: number;
  joinedOn: Date | null;
}

function whereOf(f: PeopleQuery, today: string, matched = personMatches(f.q)): SQL | undefined {
  const conditions: SQL[] = [];
  const scoped = f.scope ? scopeCondition(f.scope, today) : undefined;
  if (scoped) conditions.push(scoped);
  if (matched) conditions.push(matched);
  if (f.status) conditions.push(eq(people.statusId, f.status));
  if (f.type) {
    conditions.push(sql`exists (select 1 from ${memberships} where ${memberships.personId} = ${people.id} and ${memberships.typeId} = ${f.type}
      and ${memberships.validFrom} <= ${today} and (${memberships.validUntil} is null or ${memberships.validUntil} >= ${today}))`);
  }
  if (f.committee) {
    conditions.push(sql`exists (select 1 from ${functionHolders} join ${committeeFunctions} on ${committeeFunctions.id} = ${functionHolders.functionId}
      where ${functionHolders.personId} = ${people.id} and ${committeeFunctions.committeeId} = ${f.committee}
      and ${functionHolders.since} <= ${today} and (${functionHolders.until} is null or ${functionHolders.until} >= ${today}))`);
  }
  if (f.trained) {
    conditions.push(sql`exists (select 1 from ${equipmentAuthorizations} where ${equipmentAuthorizations.personId} = ${people.id}
      and ${equipmentAuthorizations.equipmentTypeId} = ${f.trained} and ${equipmentAuthorizations.revokedAt} is null
      and (${equipmentAuthorizations.expiresAt} is null or ${equipmentAuthorizations.expiresAt} > now()))`);
  }
  if (f.study) {
    conditions.push(sql`exists (select 1 from ${profileStudies} where ${profileStudies.personId} = ${people.id} and ${profileStudies.fieldId} = ${f.study})`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** The list's order as sort keys; the last is the unique id, so keyset pages (the API) are exact. */
function sortKeys(f: PeopleFilter): SortKey[] {
  const dir = f.dir;
  const name: SortKey[] = [
    { expr: profiles.lastName, dir, nullable: true },
    { expr: profiles.firstName, dir, nullable: true },
    { expr: people.id, dir },
  ];
  switch (f.sort) {
    case "number":
      return [
        { expr: people.memberNumber, dir, nullable: true },
        { expr: people.id, dir },
      ];
    case "status":
      return [{ expr: membershipStatuses.sortOrder, dir }, ...name];
    case "joined":
      return [
        { expr: people.joinedOn, dir, nullable: true },
        { expr: people.id, dir },
      ];
    default:
      return name;
  }
}

/** A row's values of the sort keys, in their order (where the next keyset page starts). */
function keyOf(f: PeopleFilter, r: PeopleListRow): KeyValue[] {
  const name = [r.lastName, r.firstName, r.personId];
  switch (f.sort) {
    case "number":
      return [r.memberNumber, r.personId];
    case "status":
      return [r.statusSortOrder, ...name];
    case "joined":
      return [r.joinedOn?.toISOString() ?? null, r.personId];
    default:
      return name;
  }
}

const orderOf = (f: PeopleFilter) => keysetOrder(sortKeys(f));

const columns = {
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
    .select({ ...columns, everyone: counted ? sql<number>`(select count(*) from ${people})`.mapWith(Number) : sql<number>`0`.mapWith(Number) })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(where)
    .orderBy(order(profiles.lastName), order(profiles.firstName), order(profiles.personId))
    .limit(limit)
    .offset(offset);
}

type ListResult = { rows: PeopleListRow[]; total: number; more: boolean; page: number; pages: number };

/**
 * The name order without a search. The walk (namedPageQuery) pays when it finds the page soon: when the index
 * entries it reads, (offset + page size) × everyone / matches, are no more than the matches a sort would read (the
 * role holders' rule, access/role-holders.ts); else `sorted`. Without a condition (a viewer who sees every group, no
 * filter: the page as it opens) the count rides along with the walk, one prepared statement; else people are
 * counted first (profiles are not joined: the filters and view rights are conditions on people).
 */
async function listByName(
  db: Db,
  f: PeopleQuery,
  where: SQL | undefined,
  pageSize: number,
  sorted: (page: number) => Promise<PeopleListRow[]>,
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
  const order = f.dir === "desc" ? desc : asc;
  return result(
    await namesFirst(
      {
        named: async (limit, at) => walked ?? (await walk(limit, at)).map(({ everyone: _everyone, ...row }) => row),
        nameless: (limit, at) =>
          db
            .select(columns)
            .from(people)
            .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
            .leftJoin(profiles, eq(profiles.personId, people.id))
            .where(and(where, isNull(profiles.personId)))
            .orderBy(order(people.id))
            .limit(limit)
            .offset(at),
        countNamed: async () => (await db.select({ n: count() }).from(profiles).innerJoin(people, eq(people.id, profiles.personId)).where(where))[0]?.n ?? 0,
      },
      pageSize,
      offset,
      total,
    ),
  );
}

/**
 * The admin people list: search, filters, sorting and pagination, in two indexed queries. A search is counted up
 * to SEARCH_COUNT_CAP (`more`: the pages reach the first ones); by name its page is read along profiles_name_idx
 * (namesFirst), so a one-letter text, which every person matches, neither sorts nor counts everyone.
 */
export async function listPeople(db: Db, f: PeopleQuery, pageSize = 25, now = new Date()): Promise<ListResult> {
  const today = await spaceToday(db, now);
  const where = whereOf(f, today);
  const searched = Boolean(f.q.trim());
  const pageOf = (page: number) =>
    db
      .select(columns)
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .where(where)
      .orderBy(...orderOf(f))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  // A search by name: those with a profile along the name index, then those without (no name: last, by id).
  const named = () =>
    db
      .select(columns)
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(whereOf(f, today, profileMatches(f.q)));
  const order = f.dir === "desc" ? desc : asc;
  const namelessOf = (limit: number, offset: number) =>
    db
      .select(columns)
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .where(and(where, isNull(profiles.personId)))
      .orderBy(order(people.id))
      .limit(limit)
      .offset(offset);
  const countNamedOf = async () => (await db.select({ n: count() }).from(named().as("named")))[0]?.n ?? 0;
  const searchPageOf = (page: number, total: number | undefined) =>
    namesFirst(
      {
        named: (limit, offset) => named().orderBy(order(profiles.lastName), order(profiles.firstName), order(profiles.personId)).limit(limit).offset(offset),
        nameless: namelessOf,
        countNamed: countNamedOf,
      },
      pageSize,
      (page - 1) * pageSize,
      total,
    );
  if (!searched && f.sort === "name") return listByName(db, f, where, pageSize, pageOf);
  const counting = db.select({ personId: people.id }).from(people).leftJoin(profiles, eq(profiles.personId, people.id)).where(where);
  if (!searched) {
    // No search: counting is cheap, and the page is read in index order and stops at its end.
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(counting.as("matching"));
    const pages = Math.max(1, Math.ceil(n / pageSize));
    const page = Math.min(f.page, pages);
    return { rows: n ? await pageOf(page) : [], total: n, more: false, page, pages };
  }
  // A search counts no further than the cap (one letter matches everyone). The capped count rides along with the
  // requested page's first part, one statement (an uncorrelated subquery, worked out once): a search for one person
  // is answered in one round trip. Only a page without rows (nothing found, or past the end) counts on its own.
  const capped = sql<number>`(select count(*) from ${counting.limit(SEARCH_COUNT_CAP + 1)} as matching)`.mapWith(Number);
  const offset = (f.page - 1) * pageSize;
  const firstCounted =
    f.sort === "name"
      ? await db
          .select({ ...columns, n: capped })
          .from(profiles)
          .innerJoin(people, eq(people.id, profiles.personId))
          .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
          .where(whereOf(f, today, profileMatches(f.q)))
          .orderBy(order(profiles.lastName), order(profiles.firstName), order(profiles.personId))
          .limit(pageSize)
          .offset(offset)
      : await db
          .select({ ...columns, n: capped })
          .from(people)
          .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
          .leftJoin(profiles, eq(profiles.personId, people.id))
          .where(where)
          .orderBy(...orderOf(f))
          .limit(pageSize)
          .offset(offset);
  const n = firstCounted.length ? firstCounted[0]!.n : ((await db.select({ n: count() }).from(counting.limit(SEARCH_COUNT_CAP + 1).as("matching")))[0]?.n ?? 0);
  const more = n > SEARCH_COUNT_CAP;
  const total = more ? SEARCH_COUNT_CAP : n;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pages);
  const read: PeopleListRow[] = firstCounted.map(({ n: _n, ...row }: PeopleListRow & { n: number }) => row);
  let rows: PeopleListRow[];
  if (!total) rows = [];
  else if (f.sort !== "name") rows = page === f.page && read.length ? read : await pageOf(page);
  else if (page !== f.page || !read.length) rows = await searchPageOf(page, more ? undefined : total);
  // The named part read: namesFirst goes on to the nameless only where the page is not full and matches remain.
  else rows = await namesFirst({ named: async () => read, nameless: namelessOf, countNamed: countNamedOf }, pageSize, offset, more ? undefined : total);
  return { rows, total, more, page, pages };
}

/** One keyset page of the same list for the API: `next` is where the following page starts, null at the end. */
export async function listPeoplePage(
  db: Db,
  f: PeopleQuery,
  page: { after: KeyValue[] | null; limit: number },
  now = new Date(),
): Promise<{ rows: PeopleListRow[]; next: KeyValue[] | null }> {
  const today = await spaceToday(db, now);
  const where = whereOf(f, today);
  const rows = await db
    .select(columns)
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(page.after ? and(where, keysetAfter(sortKeys(f), page.after)) : where)
    .orderBy(...orderOf(f))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  return { rows: shown, next: rows.length > page.limit ? keyOf(f, shown.at(-1)!) : null };
}

/** The whole filtered list (exports, mailing lists); capped so a mistake cannot exhaust the server. */
export async function listAllPeople(db: Db, f: PeopleQuery, now = new Date()): Promise<PeopleListRow[]> {
  const today = await spaceToday(db, now);
  return db
    .select(columns)
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(whereOf(f, today))
    .orderBy(...orderOf(f))
    .limit(100_000);
}
