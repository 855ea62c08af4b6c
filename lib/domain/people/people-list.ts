import { and, count, eq, isNull, sql, type SQL } from "drizzle-orm";
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
import { listByName, listColumns, listSearched, type KeyColumns, type ListResult } from "./people-list-paging";
import { idMatches, personMatches, profileMatches } from "./person-match";
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

/**
 * The list's order as sort keys; the last is the unique id, so keyset pages (the API) are exact. Read from the
 * tables' columns (listColumns), or from a subquery's of the same names (a search's page, listSearched).
 */
function sortKeys(f: PeopleFilter, c: KeyColumns = listColumns): SortKey[] {
  const dir = f.dir;
  const name: SortKey[] = [
    { expr: c.lastName, dir, nullable: true },
    { expr: c.firstName, dir, nullable: true },
    { expr: c.personId, dir },
  ];
  switch (f.sort) {
    case "number":
      return [
        { expr: c.memberNumber, dir, nullable: true },
        { expr: c.personId, dir },
      ];
    case "status":
      return [{ expr: c.statusSortOrder, dir }, ...name];
    case "joined":
      return [
        { expr: c.joinedOn, dir, nullable: true },
        { expr: c.personId, dir },
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

const orderOf = (f: PeopleFilter, c: KeyColumns = listColumns) => keysetOrder(sortKeys(f, c));

/**
 * The admin people list: search, filters, sorting and pagination, in indexed queries (people-list-paging.ts). A
 * search is counted up to SEARCH_COUNT_CAP (`more`: the pages reach the first ones) with its page, one statement;
 * by name its page is read along profiles_name_idx (namesFirst), so a one-letter text, which every person matches,
 * neither sorts nor counts everyone.
 */
export async function listPeople(db: Db, f: PeopleQuery, pageSize = 25, now = new Date()): Promise<ListResult> {
  const today = await spaceToday(db, now);
  const where = whereOf(f, today);
  const pageOf = (page: number) =>
    db
      .select(listColumns)
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .where(where)
      .orderBy(...orderOf(f))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  if (f.q.trim()) {
    const found = { named: whereOf(f, today, profileMatches(f.q)), nameless: and(whereOf(f, today, idMatches(f.q)), isNull(profiles.personId)) };
    // By status: one part of the page per status (sortedSearchPage), each planned for its own status.
    const statusIds =
      f.sort !== "status" ? [] : f.status ? [f.status] : (await db.select({ id: membershipStatuses.id }).from(membershipStatuses)).map((s) => s.id);
    return listSearched(db, f, found, pageSize, (c) => orderOf(f, c), statusIds);
  }
  if (f.sort === "name") return listByName(db, f, where, pageSize, pageOf);
  // No search: counting is cheap, and the page is read in index order and stops at its end.
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(db.select({ personId: people.id }).from(people).leftJoin(profiles, eq(profiles.personId, people.id)).where(where).as("matching"));
  const pages = Math.max(1, Math.ceil(n / pageSize));
  const page = Math.min(f.page, pages);
  return { rows: n ? await pageOf(page) : [], total: n, more: false, page, pages };
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
    .select(listColumns)
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
    .select(listColumns)
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(whereOf(f, today))
    .orderBy(...orderOf(f))
    .limit(100_000);
}
