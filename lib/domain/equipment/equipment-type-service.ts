import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { equipmentTypes, type EquipmentType } from "@/lib/db/schema";
import { grantRefusal, type ContainmentCode } from "../access/containment";
import { diffValues, recordAudit } from "../audit/record-audit";
import { hasPermission } from "./authority";
import { fail, type Result } from "./result";

const months = z.union([z.literal(null), z.number().int().min(1).max(600)]);

export const equipmentTypeInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(""),
  purpose: z.enum(["equipment", "organisation", "system"]).default("equipment"),
  boardKind: z.number().int().min(1).max(5).default(5),
  noAuthorizationNeeded: z.boolean().default(false),
  /** null: an authorization never expires. */
  validityMonths: months.default(null),
  /** null: not using a machine of the type does not end the authorization. */
  expiresWithoutUseMonths: months.default(null),
});
export type EquipmentTypeInput = z.input<typeof equipmentTypeInput>;

export type TypeFailure = "forbidden" | "invalid" | "name_taken" | "not_found" | ContainmentCode;

// Prepared once per handle: the people list offers them as a filter on every request, as do the equipment pages.
const allTypes = perDb((db) => db.select().from(equipmentTypes).orderBy(asc(equipmentTypes.name)).prepare("list_equipment_types"));
export async function listEquipmentTypes(db: Db): Promise<EquipmentType[]> {
  return allTypes(db).execute();
}

export async function getEquipmentType(db: Db, id: number): Promise<EquipmentType | null> {
  const [row] = await db.select().from(equipmentTypes).where(eq(equipmentTypes.id, id));
  return row ?? null;
}

function invalid(error: z.ZodError) {
  return fail("invalid" as const, error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
}

async function nameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: equipmentTypes.id, name: equipmentTypes.name }).from(equipmentTypes);
  return rows.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
}

export async function createEquipmentType(db: Db, actorId: number, raw: EquipmentTypeInput): Promise<Result<{ id: number }, TypeFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage equipment.");
  const parsed = equipmentTypeInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  // A "system" or "organisation" type makes its trainees administrators or members: only within the actor's own permissions.
  const beyond = await grantRefusal(db, actorId, { equipmentType: parsed.data });
  if (beyond) return beyond;
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, parsed.data.name)) return fail("name_taken", `An equipment type named "${parsed.data.name}" exists already.`);
    const [row] = await tx.insert(equipmentTypes).values(parsed.data).returning();
    await recordAudit(tx, { actorId, changeType: "equipment_type.create", entity: "equipment_type", entityId: row!.id, after: parsed.data });
    return { ok: true as const, id: row!.id };
  });
}

export async function updateEquipmentType(db: Db, actorId: number, id: number, raw: EquipmentTypeInput): Promise<Result<object, TypeFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage equipment.");
  const parsed = equipmentTypeInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(equipmentTypes).where(eq(equipmentTypes.id, id)).for("update");
    if (!before) return fail("not_found", "This equipment type does not exist.");
    // Changing the purpose changes what every authorization on the type grants, in either direction.
    const beyond = before.purpose === parsed.data.purpose ? null : await grantRefusal(tx, actorId, { equipmentType: before }, { equipmentType: parsed.data });
    if (beyond) return beyond;
    if (await nameTaken(tx, parsed.data.name, id)) return fail("name_taken", `An equipment type named "${parsed.data.name}" exists already.`);
    await tx.update(equipmentTypes).set(parsed.data).where(eq(equipmentTypes.id, id));
    const { before: b, after: a } = diffValues(before, { ...before, ...parsed.data });
    await recordAudit(tx, { actorId, changeType: "equipment_type.update", entity: "equipment_type", entityId: id, before: b, after: a });
    return { ok: true as const };
  });
}
