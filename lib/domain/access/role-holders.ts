import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
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
  roles,
  statusRoles,
} from "@/lib/db/schema";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";
import { visibleNames, type ShownPerson } from "../people/visible-names";
import type { Viewer } from "../people/visibility";
import { spaceToday } from "../settings/space-today";
import { LOCKED_ROLE_KEY } from "./role-admin";

// One collator for every comparison: `localeCompare` builds one per call, seconds for a role all 10,000 members hold.
const byName = new Intl.Collator();

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

/**
 * Everyone who holds a role today or will (a direct grant starting later), each with every reason. Training on
 * the "system" type grants everything the administrator role does, so it is listed there. Erased people hold nothing.
 */
export async function roleHolders(db: Db, viewer: Viewer, roleId: number, now = new Date()): Promise<RoleHolder[]> {
  const today = await spaceToday(db, now);
  const [role] = await db.select({ key: roles.key }).from(roles).where(eq(roles.id, roleId));
  if (!role) return [];
  const alive = isNull(people.erasedAt);
  const [direct, byStatus, byFunction, trained] = await Promise.all([
    db
      .select({ personId: personRoles.personId, since: personRoles.since, until: personRoles.until })
      .from(personRoles)
      .innerJoin(people, eq(people.id, personRoles.personId))
      .where(and(eq(personRoles.roleId, roleId), alive, or(isNull(personRoles.until), gte(personRoles.until, today)))),
    db
      .select({ personId: people.id, status: membershipStatuses.name })
      .from(people)
      .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(and(eq(statusRoles.roleId, roleId), alive)),
    db
      .select({ personId: functionHolders.personId, committee: committees.name, fn: committeeFunctions.name })
      .from(functionHolders)
      .innerJoin(functionRoles, eq(functionRoles.functionId, functionHolders.functionId))
      .innerJoin(committeeFunctions, eq(committeeFunctions.id, functionHolders.functionId))
      .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
      .innerJoin(people, eq(people.id, functionHolders.personId))
      .where(
        and(eq(functionRoles.roleId, roleId), alive, lte(functionHolders.since, today), or(isNull(functionHolders.until), gte(functionHolders.until, today))),
      ),
    role.key === LOCKED_ROLE_KEY
      ? db
          .select({ a: equipmentAuthorizations })
          .from(equipmentAuthorizations)
          .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
          .innerJoin(people, eq(people.id, equipmentAuthorizations.personId))
          .where(and(eq(equipmentTypes.purpose, "system"), isNull(equipmentAuthorizations.revokedAt), alive))
      : Promise.resolve([]),
  ]);
  const reasons = new Map<number, HoldingReason[]>();
  const add = (personId: number, reason: HoldingReason) => reasons.set(personId, [...(reasons.get(personId) ?? []), reason]);
  for (const d of direct) add(d.personId, { kind: "direct", since: d.since, until: d.until });
  for (const s of byStatus) add(s.personId, { kind: "status", status: s.status });
  for (const f of byFunction) add(f.personId, { kind: "function", committee: f.committee, function: f.fn });
  for (const { a } of trained)
    if (isAuthorizationCurrent(a, now) && !reasons.get(a.personId)?.some((r) => r.kind === "training")) add(a.personId, { kind: "training" });
  const names = await visibleNames(db, viewer, [...reasons.keys()]);
  return [...reasons.entries()]
    .map(([personId, why]) => ({ person: names.get(personId) ?? { personId, name: null, memberNumber: null }, reasons: why }))
    .sort((a, b) => byName.compare(a.person.name ?? "\uffff", b.person.name ?? "\uffff") || a.person.personId - b.person.personId);
}
