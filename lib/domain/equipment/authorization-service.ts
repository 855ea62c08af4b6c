import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes, people, type EquipmentAuthorization } from "@/lib/db/schema";
import { grantRefusal, subjectRefusal, type ContainmentCode } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { hasPermission } from "./authority";
import { recordAuthorization } from "./record-authorization";
import { fail, type Result } from "./result";

export const grantInput = z.object({
  personId: z.number().int().positive(),
  equipmentTypeId: z.number().int().positive(),
  level: z.enum(["user", "owner", "trainer"]),
  reason: z.string().trim().min(3).max(500),
});
export const revokeInput = z.object({ authorizationId: z.number().int().positive(), reason: z.string().trim().min(3).max(500) });

export type GrantFailure = "forbidden" | "invalid" | "unknown_person" | "unknown_type" | ContainmentCode;
export type RevokeFailure = "forbidden" | "invalid" | "not_found" | "already_revoked" | ContainmentCode;

/** A direct grant by an admin, recorded as such with its reason; expiry follows the type's validity. */
export async function grantAuthorization(
  db: Db,
  actorId: number,
  raw: z.input<typeof grantInput>,
  now = new Date(),
): Promise<Result<{ id: number }, GrantFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not grant authorizations.");
  const parsed = grantInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Choose a type and a level and give a reason of at least 3 characters.");
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id, erasedAt: people.erasedAt }).from(people).where(eq(people.id, input.personId));
    // Someone outside the actor's view rights (the people search's groups) is answered as nobody.
    if (!person || person.erasedAt || (await outOfViewRefusal(tx, actorId, input.personId))) return fail("unknown_person", "This person does not exist.");
    const [type] = await tx.select().from(equipmentTypes).where(eq(equipmentTypes.id, input.equipmentTypeId));
    if (!type) return fail("unknown_type", "This equipment type does not exist.");
    // equipment.manage alone never makes an administrator: the "system" type grants every permission.
    const beyond = await grantRefusal(tx, actorId, { equipmentType: type });
    if (beyond) return beyond;
    const id = await recordAuthorization(tx, {
      personId: input.personId,
      type,
      level: input.level,
      source: "grant",
      reason: input.reason,
      grantedById: actorId,
      now,
    });
    return { ok: true as const, id };
  });
}

/** Revoking keeps the record, with who, when and why; the current state is derived from it. */
export async function revokeAuthorization(db: Db, actorId: number, raw: z.input<typeof revokeInput>, now = new Date()): Promise<Result<object, RevokeFailure>> {
  if (!(await hasPermission(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not revoke authorizations.");
  const parsed = revokeInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Please give a reason of at least 3 characters.");
  const { authorizationId, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.id, authorizationId)).for("update");
    if (!row) return fail("not_found", "This authorization does not exist.");
    if (row.revokedAt) return fail("already_revoked", "This authorization was revoked already.");
    // Taking away what the "system" or "organisation" type grants is for those who hold it, never against someone above.
    const [type] = await tx.select({ purpose: equipmentTypes.purpose }).from(equipmentTypes).where(eq(equipmentTypes.id, row.equipmentTypeId));
    if (type && type.purpose !== "equipment") {
      const beyond = (await grantRefusal(tx, actorId, { equipmentType: type })) ?? (await subjectRefusal(tx, actorId, row.personId));
      if (beyond) return beyond;
    }
    await tx
      .update(equipmentAuthorizations)
      .set({ revokedAt: now, revokedById: actorId, revokedReason: reason })
      .where(eq(equipmentAuthorizations.id, authorizationId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: row.personId,
      changeType: "authorization.revoke",
      entity: "equipment_authorization",
      entityId: authorizationId,
      before: { revokedAt: null },
      after: { revokedAt: now, revokedReason: reason },
    });
    return { ok: true as const };
  });
}

export interface AuthorizationRecord extends EquipmentAuthorization {
  equipmentTypeName: string;
}

/** Every record of a person, newest first: current, expired and revoked alike. */
export async function listAuthorizationsOfPerson(db: Db, personId: number, equipmentTypeId?: number): Promise<AuthorizationRecord[]> {
  const rows = await db
    .select({ a: equipmentAuthorizations, typeName: equipmentTypes.name })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(
      equipmentTypeId
        ? and(eq(equipmentAuthorizations.personId, personId), eq(equipmentAuthorizations.equipmentTypeId, equipmentTypeId))
        : eq(equipmentAuthorizations.personId, personId),
    )
    .orderBy(equipmentTypes.name, desc(equipmentAuthorizations.grantedAt), desc(equipmentAuthorizations.id));
  return rows.map((r) => ({ ...r.a, equipmentTypeName: r.typeName }));
}
