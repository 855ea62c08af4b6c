import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes } from "@/lib/db/schema";
import { isAuthorizationCurrent, type AuthorizationFact, type RelationshipLevel } from "../machine-access/decide-machine-use";
import { namesShownTo, shownNameOr } from "../people/shown-names";
import type { Viewer } from "../people/visibility";

/** Authorization inside the domain: services ask this, never the page that rendered the form. */
export { actorMay as hasPermission } from "../shared/actor-may";

/** The relationships a person holds on a type right now (not revoked, not expired). */
export async function currentLevels(db: Db, personId: number, equipmentTypeId: number, now = new Date()): Promise<Set<RelationshipLevel>> {
  const rows = await db
    .select()
    .from(equipmentAuthorizations)
    .where(
      and(
        eq(equipmentAuthorizations.personId, personId),
        eq(equipmentAuthorizations.equipmentTypeId, equipmentTypeId),
        isNull(equipmentAuthorizations.revokedAt),
      ),
    );
  return heldLevels(rows, equipmentTypeId, now);
}

/** An authorization record of a person as loaded, current or not, on any type. */
export type HeldAuthorization = AuthorizationFact & { equipmentTypeId: number };

/** currentLevels over one person's authorization records already loaded (any types): the same rule, no query. */
export function heldLevels(records: readonly HeldAuthorization[], equipmentTypeId: number, now: Date): Set<RelationshipLevel> {
  return new Set(records.filter((a) => a.equipmentTypeId === equipmentTypeId && isAuthorizationCurrent(a, now)).map((a) => a.level));
}

/** Trainers of a type schedule its sessions and mark attendance: the relationship is the authority. */
export async function isCurrentTrainer(db: Db, personId: number, equipmentTypeId: number, now = new Date()): Promise<boolean> {
  return (await currentLevels(db, personId, equipmentTypeId, now)).has("trainer");
}

/** The equipment types a person may train on now. */
export async function typesTrainedBy(db: Db, personId: number, now = new Date()): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .select({ a: equipmentAuthorizations, id: equipmentTypes.id, name: equipmentTypes.name })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(and(eq(equipmentAuthorizations.personId, personId), eq(equipmentAuthorizations.level, "trainer"), isNull(equipmentAuthorizations.revokedAt)));
  const byId = new Map<number, string>();
  for (const r of rows) if (isAuthorizationCurrent(r.a, now)) byId.set(r.id, r.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** People who may train on any of these types now, with the types: the choice of co-trainers, named as each lets the viewer see. */
export async function trainersOfTypes(
  db: Db,
  viewer: Viewer,
  equipmentTypeIds: number[],
  now = new Date(),
): Promise<{ personId: number; name: string; typeIds: number[] }[]> {
  if (equipmentTypeIds.length === 0) return [];
  const rows = await db
    .select({ a: equipmentAuthorizations })
    .from(equipmentAuthorizations)
    .where(
      and(
        inArray(equipmentAuthorizations.equipmentTypeId, equipmentTypeIds),
        eq(equipmentAuthorizations.level, "trainer"),
        isNull(equipmentAuthorizations.revokedAt),
      ),
    );
  const names = await namesShownTo(
    db,
    viewer,
    rows.map((r) => r.a.personId),
  );
  const byPerson = new Map<number, { personId: number; name: string; typeIds: number[] }>();
  for (const r of rows) {
    if (!isAuthorizationCurrent(r.a, now)) continue;
    const entry = byPerson.get(r.a.personId) ?? { personId: r.a.personId, name: shownNameOr(names, r.a.personId), typeIds: [] };
    if (!entry.typeIds.includes(r.a.equipmentTypeId)) entry.typeIds.push(r.a.equipmentTypeId);
    byPerson.set(r.a.personId, entry);
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
}
