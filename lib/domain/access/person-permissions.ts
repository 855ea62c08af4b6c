import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { functionHolders, functionRoles, people, personRoles, rolePermissions, statusRoles } from "@/lib/db/schema";
import { hasCurrentSystemAuthorization } from "../equipment/system-authorization";
import { ALL_PERMISSIONS, isPermission, type Permission } from "./permissions";
import { spaceToday } from "../settings/space-today";

/**
 * What a person may do: the permissions of the roles they hold directly, plus those their membership status
 * grants (dynamic rights, e.g. every member may read the directory while in good standing), plus those of the
 * committee functions they hold today.
 */
export async function permissionsOfPerson(db: Db, personId: number, now = new Date()): Promise<Set<Permission>> {
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
  const today = await spaceToday(db, now);
  const byFunction = db
    .select({ key: rolePermissions.permissionKey })
    .from(functionHolders)
    .innerJoin(functionRoles, eq(functionRoles.functionId, functionHolders.functionId))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, functionRoles.roleId))
    .where(
      and(
        eq(functionHolders.personId, personId),
        lte(functionHolders.since, today),
        or(isNull(functionHolders.until), gte(functionHolders.until, today)),
      ),
    );
  const rows = await union(direct, byStatus, byFunction);
  // A current authorization on the "system" equipment type makes an administrator, like the admin role.
  if (await hasCurrentSystemAuthorization(db, personId, now)) return new Set(ALL_PERMISSIONS);
  // Keys unknown to this version of the code (e.g. left by a newer one) grant nothing here.
  return new Set(rows.map((r) => r.key).filter(isPermission));
}
