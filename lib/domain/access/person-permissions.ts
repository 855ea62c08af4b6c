import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rolePermissions } from "@/lib/db/schema";
import { hasCurrentSystemAuthorization } from "../equipment/system-authorization";
import { ALL_PERMISSIONS, isPermission, type Permission } from "./permissions";
import { spaceToday } from "../settings/space-today";
import { heldRoleIds } from "./held-roles";

/**
 * Every right key a person holds today: those of the roles they hold directly (within their days), those their
 * membership status grants (dynamic rights, e.g. every member may read the directory while in good standing),
 * and those of the committee functions they hold today. Built-in permission keys and view rights
 * (access/view-rights) alike; `everything` when a current training on the "system" type makes them an admin.
 */
export async function rightKeysOfPerson(db: Db, personId: number, now = new Date()): Promise<{ keys: string[]; everything: boolean }> {
  const today = await spaceToday(db, now);
  const rows = await db
    .selectDistinct({ key: rolePermissions.permissionKey })
    .from(rolePermissions)
    .where(inArray(rolePermissions.roleId, heldRoleIds(db, personId, today)))
    .prepare("right_keys_of_person") // every signed-in request asks: one round trip, not two
    .execute();
  return { keys: rows.map((r) => r.key), everything: await hasCurrentSystemAuthorization(db, personId, now) };
}

/** What a person may do: the built-in permissions among their right keys (all of them for a system-trained admin). */
export async function permissionsOfPerson(db: Db, personId: number, now = new Date()): Promise<Set<Permission>> {
  return permissionsOfKeys(await rightKeysOfPerson(db, personId, now));
}

/** The permissions among right keys already read (rightKeysOfPerson). */
export function permissionsOfKeys({ keys, everything }: { keys: string[]; everything: boolean }): Set<Permission> {
  // A current authorization on the "system" equipment type makes an administrator, like the admin role.
  if (everything) return new Set(ALL_PERMISSIONS);
  // Keys unknown to this version of the code (e.g. left by a newer one) and view rights are no permissions here.
  return new Set(keys.filter(isPermission));
}
