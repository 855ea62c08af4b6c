import { eq } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { people, personRoles, rolePermissions, statusRoles } from "@/lib/db/schema";
import { isPermission, type Permission } from "./permissions";

/**
 * What a person may do: the permissions of the roles they hold directly, plus those their membership status
 * grants (dynamic rights, e.g. every member may read the directory while in good standing).
 */
export async function permissionsOfPerson(db: Db, personId: number): Promise<Set<Permission>> {
  const direct = db
    .select({ key: rolePermissions.permissionKey })
    .from(personRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, personRoles.roleId))
    .where(eq(personRoles.personId, personId));
  const byStatus = db
    .select({ key: rolePermissions.permissionKey })
    .from(people)
    .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, statusRoles.roleId))
    .where(eq(people.id, personId));
  const rows = await union(direct, byStatus);
  // Keys unknown to this version of the code (e.g. left by a newer one) grant nothing here.
  return new Set(rows.map((r) => r.key).filter(isPermission));
}
