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

/**
 * Who holds a role today or will (a direct grant starting later), each with every reason: the first `limit` and how
 * many in all, counted and paged in the database (a role every member holds by status is thousands of people; the
 * page shows 50). Training on the "system" type grants everything the administrator role does, so it is listed
 * there. Erased people hold nothing.
 */
export async function roleHolders(db: Db, viewer: Viewer, roleId: number, options: { limit?: number; now?: Date } = {}): Promise<RoleHolders> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 50;
  const today = await spaceToday(db, now);
  const [role] = await db.select({ key: roles.key }).from(roles).where(eq(roles.id, roleId));
  if (!role) return { holders: [], total: 0 };
  const alive = isNull(people.erasedAt);
  const directNow = and(eq(personRoles.roleId, roleId), or(isNull(personRoles.until), gte(personRoles.until, today)));
  const functionNow = and(
    eq(functionRoles.roleId, roleId),
    lte(functionHolders.since, today),
    or(isNull(functionHolders.until), gte(functionHolders.until, today)),
  );
  // The system training's currency is the machine-use rule's (isAuthorizationCurrent); its holders are few.
  const trained =
    role.key === LOCKED_ROLE_KEY
      ? [
          ...new Set(
            (
              await db
                .select({ a: equipmentAuthorizations })
                .from(equipmentAuthorizations)
                .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
                .innerJoin(people, eq(people.id, equipmentAuthorizations.personId))
                .where(and(eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt), alive))
            )
              .filter(({ a }) => isAuthorizationCurrent(a, now))
              .map(({ a }) => a.personId),
          ),
        ]
      : [];
  const holderIds = sql`(select ${personRoles.personId} from ${personRoles} where ${directNow}
    union select ${people.id} from ${people} join ${statusRoles} on ${statusRoles.statusId} = ${people.statusId} where ${statusRoles.roleId} = ${roleId}
    union select ${functionHolders.personId} from ${functionHolders} join ${functionRoles} on ${functionRoles.functionId} = ${functionHolders.functionId} where ${functionNow}
    ${trained.length ? sql`union select ${people.id} from ${people} where ${inArray(people.id, trained)}` : sql``})`;
  // The order by the name as the viewer may see it (the one rule, in SQL), so the page is the right 50.
  const shownName = sql`case when ${mayViewFieldSql(viewer, "name")} then trim(${profiles.firstName} || ' ' || ${profiles.lastName}) end`;
  const page = await db
    .select({ personId: people.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(and(alive, sql`${people.id} in ${holderIds}`))
    .orderBy(sql`${shownName} asc nulls last`, asc(people.id))
    .limit(limit);
  const ids = page.map((p) => p.personId);
  if (!ids.length) return { holders: [], total: 0 };
  const [direct, byStatus, byFunction] = await Promise.all([
    db
      .select({ personId: personRoles.personId, since: personRoles.since, until: personRoles.until })
      .from(personRoles)
      .where(and(directNow, inArray(personRoles.personId, ids))),
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
      .where(and(functionNow, inArray(functionHolders.personId, ids))),
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
