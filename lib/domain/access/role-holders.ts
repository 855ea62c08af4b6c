import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
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
import type { Viewer } from "../people/visibility";
import { mayViewFieldSql } from "../people/visibility-sql";
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
  /** The first holders in order: by the name the viewer may see (hidden names last), then by id. */
  holders: RoleHolder[];
  /** Everyone who holds the role. */
  total: number;
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

/**
 * Who holds a role today or will (a direct grant starting later), each with every reason: the page from `offset`
 * (`limit`, 50 by default) and how many in all, counted and paged in the database (a role every member holds by
 * status is thousands of people). Training on the "system" type grants everything the administrator role does, so
 * it is listed there. Erased people hold nothing.
 */
export async function roleHolders(db: Db, viewer: Viewer, roleId: number, options: { limit?: number; offset?: number; now?: Date } = {}): Promise<RoleHolders> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const today = await spaceToday(db, now);
  const [role] = await db.select({ key: roles.key }).from(roles).where(eq(roles.id, roleId));
  if (!role) return { holders: [], total: 0 };
  const trained = role.key === LOCKED_ROLE_KEY ? await systemTrained(db, now) : [];
  const holderIds = sql`(select ${personRoles.personId} from ${personRoles} where ${and(eq(personRoles.roleId, roleId), directNow(today))}
    union select ${people.id} from ${people} join ${statusRoles} on ${statusRoles.statusId} = ${people.statusId} where ${statusRoles.roleId} = ${roleId}
    union select ${functionHolders.personId} from ${functionHolders} join ${functionRoles} on ${functionRoles.functionId} = ${functionHolders.functionId}
      where ${and(eq(functionRoles.roleId, roleId), functionNow(today))}
    ${trained.length ? sql`union select ${people.id} from ${people} where ${inArray(people.id, trained)}` : sql``})`;
  // The order by the name as the viewer may see it (the one rule, in SQL), so the page is the right 50. Read from
  // the holders outward (a join, not "id in"): a role of a few people then never sorts all 10,000.
  const shownName = sql`case when ${mayViewFieldSql(viewer, "name")} then trim(${profiles.firstName} || ' ' || ${profiles.lastName}) end`;
  const page = await db
    .select({ personId: people.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(sql`${holderIds} as holder`)
    .innerJoin(people, and(sql`${people.id} = holder.person_id`, isNull(people.erasedAt)))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .orderBy(sql`${shownName} asc nulls last`, asc(people.id))
    .limit(limit)
    .offset(offset);
  const ids = page.map((p) => p.personId);
  if (!ids.length) {
    // Past the last page: the count alone (the window count comes only with rows).
    const total = offset > 0 ? (await roleHolders(db, viewer, roleId, { limit: 1, now })).total : 0;
    return { holders: [], total };
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
    total: page[0]!.total,
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
