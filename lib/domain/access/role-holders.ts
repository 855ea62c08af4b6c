import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  committeeFunctions,
  committees,
  equipmentAuthorizations,
  equipmentTypes,
  functionHolders,
  functionRoles,
  membershipStatuses,
  people,
  personRoles,
  profiles,
  roles,
  statusRoles,
} from "@/lib/db/schema";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";
import { visibleNames, type ShownPerson } from "../people/visible-names";
import { inScopeOf, peopleSearch, type PeopleSearchParts } from "../people/person-match";
import { viewersScope, type NameViewer } from "../people/shown-names";
import { seesEveryProfile } from "../people/visibility-sql";
import { cappedLimit, SEARCH_COUNT_CAP } from "../people/search-paging";
import { spaceToday } from "../settings/space-today";
import { LOCKED_ROLE_KEY } from "./role-admin";

/** Why someone holds a role: given directly (with its days), through their status, a function, or system training. */
export type HoldingReason =
  | { kind: "direct"; since: string; until: string | null }
  | { kind: "status"; status: string }
  | { kind: "function"; committee: string; function: string }
  | { kind: "training" };

export interface RoleHolder {
  person: ShownPerson;
  reasons: HoldingReason[];
}

export interface RoleHolders {
  /** The page of holders in order: by the name the viewer may see, last name first (hidden names last), then by id. */
  holders: RoleHolder[];
  /** Everyone who holds the role; with a search, those it finds, counted up to SEARCH_COUNT_CAP (then `more`). */
  total: number;
  /** A search finds more than `total`: the pages reach the first SEARCH_COUNT_CAP. */
  more: boolean;
}

export interface RoleHolderOptions {
  /** 50 by default */
  limit?: number;
  offset?: number;
  /** Only holders found by it: name, email, member number or card uid (personMatches), by what the viewer may see. */
  query?: string;
  now?: Date;
}

/** People trained on the "system" type, current by the machine-use rule (isAuthorizationCurrent): they hold the administrator role. Few. */
async function systemTrained(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .select({ a: equipmentAuthorizations })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .innerJoin(people, eq(people.id, equipmentAuthorizations.personId))
    .where(and(eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt), isNull(people.erasedAt)));
  return [...new Set(rows.filter(({ a }) => isAuthorizationCurrent(a, now)).map(({ a }) => a.personId))];
}

/** A direct grant counts from today on and while it has not ended (one starting later is listed: "will hold"). */
const directNow = (today: string) => or(isNull(personRoles.until), gte(personRoles.until, today));
/** A committee function grants its roles while it is held today. */
const functionNow = (today: string) => and(lte(functionHolders.since, today), or(isNull(functionHolders.until), gte(functionHolders.until, today)));

/** The people (rows of `people`) holding the role today or will: by status, directly, by a function, by training. Erased people hold nothing. */
function holdsRole(roleId: number, today: string, trained: number[]): SQL {
  const others = sql`select ${personRoles.personId} from ${personRoles} where ${and(eq(personRoles.roleId, roleId), directNow(today))}
    union all select ${functionHolders.personId} from ${functionHolders} join ${functionRoles} on ${functionRoles.functionId} = ${functionHolders.functionId}
      where ${and(eq(functionRoles.roleId, roleId), functionNow(today))}`;
  return sql`(${people.erasedAt} is null and (${people.statusId} in (select ${statusRoles.statusId} from ${statusRoles} where ${statusRoles.roleId} = ${roleId})
    or ${people.id} in (${others}) ${trained.length ? sql`or ${inArray(people.id, trained)}` : sql``}))`;
}

/**
 * One page of holders' ids, in the list's order. Two ways to the same order:
 * - `"walk"`: along profiles_name_idx (last name, first name, id) until the page is full, checking each person on
 *   the way, for a viewer who sees every name; roleHolders adds the people without a profile (no name: last, by
 *   id). For a role most people hold (a status every member has: 9,000 of 10,000), the first page reads ~60 index
 *   entries instead of sorting 9,000 holders.
 * - a people search (peopleSearch, the one rule of who is found and what is shown): from the holders outward,
 *   sorted by the name as the viewer may see it (a hidden name's place gives nothing away) — a viewer who may not
 *   see every name, a search, or a role few hold (the walk would pass thousands of non-holders).
 * Exported for the test that proves the walk's order is an index's (role-holders.int.test.ts).
 */
export function holderPageQuery(db: Db, where: SQL, order: "walk" | PeopleSearchParts, limit: number, offset: number) {
  if (order === "walk")
    return db
      .select({ personId: people.id })
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .where(where)
      .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(profiles.personId))
      .limit(limit)
      .offset(offset);
  return db
    .select({ personId: people.id })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(order.sight, sql`true`)
    .where(where)
    .orderBy(...order.order)
    .limit(limit)
    .offset(offset);
}

/**
 * Who holds a role today or will (a direct grant starting later), each with every reason: the page from `offset`
 * (`limit`, 50 by default) and how many in all, counted and paged in the database (a role every member holds by
 * status is thousands of people). Training on the "system" type grants everything the administrator role does, so
 * it is listed there. Erased people hold nothing. With `query`, only the holders the viewer finds by it. Names,
 * order and search follow the viewer's view rights (the scope the session carries, else read).
 */
export async function roleHolders(db: Db, viewer: NameViewer, roleId: number, options: RoleHolderOptions = {}): Promise<RoleHolders> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const query = (options.query ?? "").replace(/\0/g, "").trim();
  const today = await spaceToday(db, now);
  const [role] = await db.select({ key: roles.key }).from(roles).where(eq(roles.id, roleId));
  if (!role) return { holders: [], total: 0, more: false };
  const trained = role.key === LOCKED_ROLE_KEY ? await systemTrained(db, now) : [];
  const holds = holdsRole(roleId, today, trained);
  // The order and the search mind the view rights as the names shown do (visibleNames): outside the viewer's
  // groups a name they may not see neither places a holder nor finds them.
  const inScope = await inScopeOf(db, await viewersScope(db, viewer));
  const search = peopleSearch(viewer, query, { inScope });
  const where = search.matches ? and(holds, search.matches)! : holds;
  // The holders and everyone in one pass over people. The walk pays when it finds the page soon: when the index
  // entries it reads, (offset + limit) × everyone / holders, are fewer than the holders a sort would read. Profiles
  // (one per person at most: its key) only for a search, which matches on them: without one, joining every profile
  // to count people was the page's largest statement.
  // A search's count stops at the cap, as every people search's does (one letter finds nearly everyone): the holders
  // it finds are read arm by arm (matchingWithin), each checked as it comes, so the count stops at the cap instead of
  // gathering every match first (`people.id in (…)` did: all 10,000 for one letter).
  const found = search.matchingWithin(holds);
  const [counted] = found
    ? await db
        .select({ total: sql<number>`count(*)`.mapWith(Number), everyone: sql<number>`0`.mapWith(Number) })
        .from(sql`(select 1 from ${found} as m limit ${SEARCH_COUNT_CAP + 1}) as found`)
    : await db
        .select({ total: sql<number>`count(*) filter (where ${where})`.mapWith(Number), everyone: sql<number>`count(*)`.mapWith(Number) })
        .from(people)
        .where(isNull(people.erasedAt));
  const more = Boolean(search.matches) && (counted?.total ?? 0) > SEARCH_COUNT_CAP;
  const total = more ? SEARCH_COUNT_CAP : (counted?.total ?? 0);
  if (total === 0 || offset >= total) return { holders: [], total, more };
  const walk = !search.matches && !inScope && seesEveryProfile(viewer, "name") && (offset + limit) * (counted?.everyone ?? 0) <= total * total;
  // The last page within the cap stops at it.
  const page = await holderPageQuery(db, where, walk ? "walk" : search, search.matches ? cappedLimit(limit, offset) : limit, offset);
  let ids = page.map((p) => p.personId);
  if (walk && ids.length < limit) {
    // Past the named holders: those without a profile (few), by id, after them.
    const unnamed = await db
      .select({ personId: people.id })
      .from(people)
      .where(and(where, sql`not exists (select 1 from ${profiles} where ${profiles.personId} = ${people.id})`))
      .orderBy(asc(people.id));
    const start = Math.max(0, offset - (total - unnamed.length));
    ids = [...ids, ...unnamed.slice(start, start + limit - ids.length).map((p) => p.personId)];
  }
  const [direct, byStatus, byFunction] = await Promise.all([
    db
      .select({ personId: personRoles.personId, since: personRoles.since, until: personRoles.until })
      .from(personRoles)
      .where(and(eq(personRoles.roleId, roleId), directNow(today), inArray(personRoles.personId, ids))),
    db
      .select({ personId: people.id, status: membershipStatuses.name })
      .from(people)
      .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(and(eq(statusRoles.roleId, roleId), inArray(people.id, ids))),
    db
      .select({ personId: functionHolders.personId, committee: committees.name, fn: committeeFunctions.name })
      .from(functionHolders)
      .innerJoin(functionRoles, eq(functionRoles.functionId, functionHolders.functionId))
      .innerJoin(committeeFunctions, eq(committeeFunctions.id, functionHolders.functionId))
      .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
      .where(and(eq(functionRoles.roleId, roleId), functionNow(today), inArray(functionHolders.personId, ids))),
  ]);
  const reasons = new Map<number, HoldingReason[]>(ids.map((id) => [id, []]));
  const add = (personId: number, reason: HoldingReason) => reasons.get(personId)?.push(reason);
  for (const d of direct) add(d.personId, { kind: "direct", since: d.since, until: d.until });
  for (const s of byStatus) add(s.personId, { kind: "status", status: s.status });
  for (const f of byFunction) add(f.personId, { kind: "function", committee: f.committee, function: f.fn });
  for (const id of trained) add(id, { kind: "training" });
  const names = await visibleNames(db, viewer, ids);
  return {
    holders: ids.map((personId) => ({ person: names.get(personId) ?? { personId, name: null, memberNumber: null }, reasons: reasons.get(personId)! })),
    total,
    more,
  };
}

/**
 * How many people hold each role today or will (the same holders as roleHolders' total), every role at once in one
 * query after the system training's: the roles overview. Status holders are counted per status (not listed one by
 * one: a status every member has is thousands of people), then direct grants, functions and training are added for
 * the people not already holding the role by their status. Roles nobody holds are missing from the map.
 */
export async function roleHolderCounts(db: Db, now = new Date()): Promise<Map<number, number>> {
  const today = await spaceToday(db, now);
  const trained = await systemTrained(db, now);
  const extra = sql`(select ${personRoles.roleId}, ${personRoles.personId} from ${personRoles} where ${directNow(today)}
    union select ${functionRoles.roleId}, ${functionHolders.personId} from ${functionHolders}
      join ${functionRoles} on ${functionRoles.functionId} = ${functionHolders.functionId} where ${functionNow(today)}
    ${trained.length ? sql`union select ${roles.id}, ${people.id} from ${roles}, ${people} where ${and(eq(roles.key, LOCKED_ROLE_KEY), inArray(people.id, trained))}` : sql``})`;
  const rows = await db.execute<{ role_id: number; n: number }>(sql`select role_id, sum(n)::int as n from (
      select ${statusRoles.roleId} as role_id, by_status.n from (
        select ${people.statusId} as status_id, count(*) as n from ${people} where ${people.erasedAt} is null group by ${people.statusId}
      ) by_status join ${statusRoles} on ${statusRoles.statusId} = by_status.status_id
      union all
      select extra.role_id, count(*) from ${extra} as extra join ${people} on ${people.id} = extra.person_id and ${people.erasedAt} is null
        where not exists (select 1 from ${statusRoles} where ${statusRoles.roleId} = extra.role_id and ${statusRoles.statusId} = ${people.statusId})
        group by extra.role_id
    ) counted group by role_id`);
  return new Map(rows.map((r) => [Number(r.role_id), Number(r.n)]));
}
