import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, permissions, rolePermissions, roles, statusRoles } from "@/lib/db/schema";
import { BUILTIN_ROLES, BUILTIN_STATUSES, PERMISSIONS } from "@/lib/domain/access/permissions";
import { syncViewRights } from "@/lib/domain/access/view-rights";
import { ensurePeopleReferenceData } from "./people-reference-data";

/**
 * Rows every installation needs (permissions, built-in roles, membership statuses). Idempotent: run after
 * migrations at every start; it adds what is missing and never overwrites what an admin changed.
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(permissions)
      .values(Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description })))
      .onConflictDoUpdate({ target: permissions.key, set: { description: sql`excluded.description` } });

    const existingRoles = await tx.select({ key: roles.key }).from(roles);
    const known = new Set(existingRoles.map((r) => r.key));
    for (const [key, role] of Object.entries(BUILTIN_ROLES)) {
      if (known.has(key)) continue;
      const [row] = await tx.insert(roles).values({ key, name: role.name, description: role.description }).returning();
      await tx.insert(rolePermissions).values(role.permissions.map((p) => ({ roleId: row!.id, permissionKey: p })));
    }
    // The admin role always holds every permission, including ones added by a later version.
    const [admin] = await tx.select().from(roles).where(eq(roles.key, "admin"));
    await tx
      .insert(rolePermissions)
      .values(Object.keys(PERMISSIONS).map((p) => ({ roleId: admin!.id, permissionKey: p })))
      .onConflictDoNothing();

    const existingStatuses = await tx.select({ key: membershipStatuses.key }).from(membershipStatuses);
    const knownStatuses = new Set(existingStatuses.map((s) => s.key));
    for (const [index, { roles: roleKeys, ...status }] of BUILTIN_STATUSES.entries()) {
      if (knownStatuses.has(status.key)) continue;
      const [row] = await tx
        .insert(membershipStatuses)
        .values({ ...status, sortOrder: index * 10 })
        .returning();
      if (roleKeys.length === 0) continue;
      const granted = await tx
        .select()
        .from(roles)
        .where(inArray(roles.key, [...roleKeys]));
      await tx.insert(statusRoles).values(granted.map((r) => ({ statusId: row!.id, roleId: r.id })));
    }
    await ensurePeopleReferenceData(tx);
    await syncViewRights(tx);
  });
}
