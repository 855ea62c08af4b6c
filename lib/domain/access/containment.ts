import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, functionRoles, membershipStatuses, rolePermissions, statusRoles } from "@/lib/db/schema";
import { permissionsOfPerson } from "./person-permissions";
import { ALL_PERMISSIONS, isPermission, type Permission } from "./permissions";
import type { Failure } from "../shared/result";

/**
 * Containment: nobody hands out, through any path, more than they hold. Every path that grants permissions
 * (direct role, membership status, committee function, an authorization on the "system" or "organisation"
 * equipment type) asks `grantRefusal`; every path that changes someone else's record in a way that can take
 * their access away or move their login (status, ban, erasure, profile and login email, cards, functions)
 * asks `subjectRefusal`. Both come down to one subset test, `missingPermissions`.
 */
export type ContainmentCode = "exceeds_own_permissions" | "outranks_you";
export type ContainmentRefusal = Failure<ContainmentCode, { missing: Permission[] }>;

/** What `wanted` asks for beyond `held`, sorted; empty when `wanted` is a subset of `held`. */
export function missingPermissions(held: ReadonlySet<Permission>, wanted: Iterable<Permission>): Permission[] {
  return [...new Set(wanted)].filter((p) => !held.has(p)).sort();
}

/** Something that grants permissions to whoever holds it. */
export type Grant =
  { roleIds: number[] } | { statusId: number } | { functionId: number } | { equipmentType: { purpose: string } } | { permissions: Iterable<Permission> };

const keysOf = (rows: { key: string }[]) => new Set(rows.map((r) => r.key).filter(isPermission));

async function permissionsOfRoles(db: Db, roleIds: number[]): Promise<Set<Permission>> {
  if (roleIds.length === 0) return new Set();
  return keysOf(await db.select({ key: rolePermissions.permissionKey }).from(rolePermissions).where(inArray(rolePermissions.roleId, roleIds)));
}

async function permissionsOfStatus(db: Db, statusId: number): Promise<Set<Permission>> {
  const rows = await db
    .select({ key: rolePermissions.permissionKey })
    .from(statusRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, statusRoles.roleId))
    .where(eq(statusRoles.statusId, statusId));
  return keysOf(rows);
}

/**
 * Being trained on the "system" type makes an administrator (every permission); the "organisation" type's
 * induction admits an applicant as a member (what the "member" status grants). Other types grant no permission.
 */
async function permissionsOfEquipmentType(db: Db, purpose: string): Promise<Set<Permission>> {
  if (purpose === "system") return new Set(ALL_PERMISSIONS);
  if (purpose !== "organisation") return new Set();
  const [member] = await db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  return member ? permissionsOfStatus(db, member.id) : new Set();
}

/** The permissions a grant hands out. */
export async function permissionsOfGrant(db: Db, grant: Grant): Promise<Set<Permission>> {
  if ("roleIds" in grant) return permissionsOfRoles(db, grant.roleIds);
  if ("statusId" in grant) return permissionsOfStatus(db, grant.statusId);
  if ("functionId" in grant) {
    const rows = await db
      .select({ key: rolePermissions.permissionKey })
      .from(functionRoles)
      .innerJoin(rolePermissions, eq(rolePermissions.roleId, functionRoles.roleId))
      .where(eq(functionRoles.functionId, grant.functionId));
    return keysOf(rows);
  }
  if ("equipmentType" in grant) return permissionsOfEquipmentType(db, grant.equipmentType.purpose);
  return new Set(grant.permissions);
}

/** The permissions of an equipment type by id (none for an unknown id). */
export async function permissionsOfEquipmentTypeId(db: Db, equipmentTypeId: number): Promise<Set<Permission>> {
  const [type] = await db.select({ purpose: equipmentTypes.purpose }).from(equipmentTypes).where(eq(equipmentTypes.id, equipmentTypeId));
  return type ? permissionsOfEquipmentType(db, type.purpose) : new Set();
}

const list = (missing: Permission[]) => missing.join(", ");

/**
 * Refuses when any of the grants hands out a permission the actor does not hold. Pass the grant before and
 * after an edit to refuse touching a grant bigger than the actor's own in either direction.
 */
export async function grantRefusal(db: Db, actorId: number, ...grants: Grant[]): Promise<ContainmentRefusal | null> {
  const held = await permissionsOfPerson(db, actorId);
  const wanted = new Set<Permission>();
  for (const grant of grants) for (const p of await permissionsOfGrant(db, grant)) wanted.add(p);
  const missing = missingPermissions(held, wanted);
  if (missing.length === 0) return null;
  return { ok: false, code: "exceeds_own_permissions", message: `You cannot hand out permissions you do not hold yourself (${list(missing)}).`, missing };
}

/**
 * Refuses when the person holds a permission the actor lacks: nobody changes, bans, erases or re-emails
 * someone who can do more than they can. Acting on oneself always passes.
 */
export async function subjectRefusal(db: Db, actorId: number, subjectPersonId: number): Promise<ContainmentRefusal | null> {
  if (actorId === subjectPersonId) return null;
  const [held, theirs] = await Promise.all([permissionsOfPerson(db, actorId), permissionsOfPerson(db, subjectPersonId)]);
  return subjectRefusalOf(held, theirs);
}

/**
 * subjectRefusal for an actor whose permissions are already read (the session's, read on every request): only the
 * subject's are asked, one statement (a page showing whether it may offer changes, issue 20).
 */
export async function subjectRefusalBy(
  db: Db,
  actor: { personId: number; permissions: ReadonlySet<Permission> },
  subjectPersonId: number,
): Promise<ContainmentRefusal | null> {
  if (actor.personId === subjectPersonId) return null;
  return subjectRefusalOf(actor.permissions, await permissionsOfPerson(db, subjectPersonId));
}

function subjectRefusalOf(held: ReadonlySet<Permission>, theirs: ReadonlySet<Permission>): ContainmentRefusal | null {
  const missing = missingPermissions(held, theirs);
  if (missing.length === 0) return null;
  return {
    ok: false,
    code: "outranks_you",
    message: `This person holds permissions you do not have (${list(missing)}); only someone who holds them may change this person.`,
    missing,
  };
}

/** Both checks for a change that gives a person something: the grant within the actor's, the person not above the actor. */
export async function grantToSubjectRefusal(db: Db, actorId: number, subjectPersonId: number, ...grants: Grant[]): Promise<ContainmentRefusal | null> {
  return (await subjectRefusal(db, actorId, subjectPersonId)) ?? (await grantRefusal(db, actorId, ...grants));
}
