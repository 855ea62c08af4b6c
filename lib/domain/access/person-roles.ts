import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, personRoles, roles } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorMay, fail, forbidden, notFound, type Result } from "../people/result";
import { grantRefusal, subjectRefusal } from "./containment";

/** The roles a person holds directly (not through a status or a function), by id. */
export async function directRoleIds(db: Db, personId: number): Promise<number[]> {
  const rows = await db.select({ roleId: personRoles.roleId }).from(personRoles).where(eq(personRoles.personId, personId));
  return rows.map((r) => r.roleId).sort((a, b) => a - b);
}

/**
 * Sets the roles a person holds directly. Hands out permissions, so system admins only, and like every grant it
 * is contained: the person may not be above the actor, and neither the roles taken away nor those given may
 * exceed the actor's own permissions.
 */
export async function setPersonRoles(db: Db, actorId: number, personId: number, roleIds: number[]): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id, erasedAt: people.erasedAt }).from(people).where(eq(people.id, personId)).for("update");
    if (!person || person.erasedAt) return notFound();
    const wanted = [...new Set(roleIds)].sort((a, b) => a - b);
    const known = wanted.length ? await tx.select({ id: roles.id, key: roles.key }).from(roles).where(inArray(roles.id, wanted)) : [];
    if (known.length !== wanted.length) return fail("invalid", "roles: unknown role", { field: "roles" });
    const current = await directRoleIds(tx, personId);
    if (JSON.stringify(current) === JSON.stringify(wanted)) return { ok: true as const };
    const refused = (await subjectRefusal(tx, actorId, personId)) ?? (await grantRefusal(tx, actorId, { roleIds: current }, { roleIds: wanted }));
    if (refused) return refused;
    const keysOf = async (ids: number[]) => (ids.length ? (await tx.select({ key: roles.key }).from(roles).where(inArray(roles.id, ids))).map((r) => r.key).sort() : []);
    const before = await keysOf(current);
    await tx.delete(personRoles).where(eq(personRoles.personId, personId));
    if (wanted.length) await tx.insert(personRoles).values(wanted.map((roleId) => ({ personId, roleId })));
    await recordAudit(tx, { actorId, subjectPersonId: personId, changeType: "person.roles", entity: "person", entityId: personId, before: { roles: before }, after: { roles: known.map((r) => r.key).sort() } });
    return { ok: true as const };
  });
}
