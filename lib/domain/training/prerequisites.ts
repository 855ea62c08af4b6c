import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes, trainingPrerequisites } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { hasPermission, heldLevels, type HeldAuthorization } from "../equipment/authority";
import type { RelationshipLevel } from "../machine-access/decide-machine-use";
import { fail, type Result } from "../equipment/result";
import type { MissingPrerequisite } from "./decide-signup";

const level = z.enum(["user", "owner", "trainer"]);
export const prerequisiteInput = z.object({
  equipmentTypeId: z.number().int().positive(),
  level,
  requiresEquipmentTypeId: z.number().int().positive(),
  requiresLevel: level,
});

export interface PrerequisiteRow {
  id: number;
  equipmentTypeId: number;
  level: RelationshipLevel;
  requiresEquipmentTypeId: number;
  requiresTypeName: string;
  requiresLevel: RelationshipLevel;
}

const required = alias(equipmentTypes, "required_type");

export async function listPrerequisites(db: Db, equipmentTypeId: number, forLevel?: RelationshipLevel): Promise<PrerequisiteRow[]> {
  return prerequisiteRows(
    db,
    forLevel
      ? and(eq(trainingPrerequisites.equipmentTypeId, equipmentTypeId), eq(trainingPrerequisites.level, forLevel))
      : eq(trainingPrerequisites.equipmentTypeId, equipmentTypeId),
  );
}

/** Every type's prerequisites in one query (a page that checks many types and levels); per type and level in listPrerequisites' order. */
export async function listAllPrerequisites(db: Db): Promise<PrerequisiteRow[]> {
  return prerequisiteRows(db, undefined);
}

function prerequisiteRows(db: Db, where: SQL | undefined): Promise<PrerequisiteRow[]> {
  return db
    .select({
      id: trainingPrerequisites.id,
      equipmentTypeId: trainingPrerequisites.equipmentTypeId,
      level: trainingPrerequisites.level,
      requiresEquipmentTypeId: trainingPrerequisites.requiresEquipmentTypeId,
      requiresTypeName: required.name,
      requiresLevel: trainingPrerequisites.requiresLevel,
    })
    .from(trainingPrerequisites)
    .innerJoin(required, eq(required.id, trainingPrerequisites.requiresEquipmentTypeId))
    .where(where)
    .orderBy(asc(trainingPrerequisites.level), asc(required.name));
}

/** What the person still lacks before a training on this type and level; an owner counts as holding nothing less. */
export async function missingPrerequisites(
  db: Db,
  personId: number,
  equipmentTypeId: number,
  forLevel: RelationshipLevel,
  now = new Date(),
): Promise<MissingPrerequisite[]> {
  const prerequisites = await listPrerequisites(db, equipmentTypeId, forLevel);
  if (prerequisites.length === 0) return [];
  const held = await db
    .select()
    .from(equipmentAuthorizations)
    .where(
      and(
        eq(equipmentAuthorizations.personId, personId),
        inArray(
          equipmentAuthorizations.equipmentTypeId,
          prerequisites.map((p) => p.requiresEquipmentTypeId),
        ),
      ),
    );
  return missingAmong(prerequisites, held, equipmentTypeId, forLevel, now);
}

/**
 * missingPrerequisites over what is already loaded: `prerequisites` (any types and levels: listAllPrerequisites)
 * and the person's authorization records (any types, current or not).
 */
export function missingAmong(
  prerequisites: readonly PrerequisiteRow[],
  records: readonly HeldAuthorization[],
  equipmentTypeId: number,
  forLevel: RelationshipLevel,
  now: Date,
): MissingPrerequisite[] {
  return prerequisites
    .filter((p) => p.equipmentTypeId === equipmentTypeId && p.level === forLevel)
    .filter((p) => !heldLevels(records, p.requiresEquipmentTypeId, now).has(p.requiresLevel))
    .map((p) => ({ equipmentTypeId: p.requiresEquipmentTypeId, typeName: p.requiresTypeName, level: p.requiresLevel }));
}

export type PrerequisiteFailure = "forbidden" | "invalid" | "requires_itself" | "unknown_type" | "exists" | "not_found";

export async function addPrerequisite(db: Db, actorId: number, raw: z.input<typeof prerequisiteInput>): Promise<Result<{ id: number }, PrerequisiteFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage equipment.");
  const parsed = prerequisiteInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Choose a level, a required type and a required level.");
  const p = parsed.data;
  if (p.equipmentTypeId === p.requiresEquipmentTypeId && p.level === p.requiresLevel) {
    return fail("requires_itself", "A training cannot require itself.");
  }
  return db.transaction(async (tx) => {
    const types = await tx.select({ id: equipmentTypes.id }).from(equipmentTypes);
    if (![p.equipmentTypeId, p.requiresEquipmentTypeId].every((id) => types.some((t) => t.id === id))) {
      return fail("unknown_type", "This equipment type does not exist.");
    }
    const [row] = await tx.insert(trainingPrerequisites).values(p).onConflictDoNothing().returning();
    if (!row) return fail("exists", "This prerequisite exists already.");
    await recordAudit(tx, { actorId, changeType: "training_prerequisite.create", entity: "training_prerequisite", entityId: row.id, after: p });
    return { ok: true as const, id: row.id };
  });
}

export async function removePrerequisite(db: Db, actorId: number, id: number): Promise<Result<object, PrerequisiteFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage equipment.");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(trainingPrerequisites).where(eq(trainingPrerequisites.id, id)).returning();
    if (!row) return fail("not_found", "This prerequisite does not exist.");
    await recordAudit(tx, { actorId, changeType: "training_prerequisite.delete", entity: "training_prerequisite", entityId: id, before: { ...row } });
    return { ok: true as const };
  });
}
