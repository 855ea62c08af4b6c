import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { addressTypes, committees, membershipStatuses, membershipTypes, permissions, rolePermissions, roles, statusRoles } from "@/lib/db/schema";
import { BUILTIN_ROLES, BUILTIN_STATUSES, PERMISSIONS } from "@/lib/domain/access/permissions";
import { syncViewRights } from "@/lib/domain/access/view-rights";
import { ensurePeopleReferenceData } from "./people-reference-data";

/**
 * Rows every installation needs (permissions, built-in roles, membership statuses). Idempotent: run after
 * migrations at every start; it adds what is missing and never overwrites what an admin changed. A start where
 * everything is in place (the usual one) sends one statement, `referenceDataComplete`, instead of ~20 (~100 ms).
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  if (await referenceDataComplete(db)) return;
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

/**
 * Whether ensureReferenceData would change nothing: every permission with its description, the admin role holding
 * each, every built-in role and status, address and membership types, and view rights equal to the statuses and
 * committees (syncViewRights' rule, parseViewRight's pattern). The lists go as one JSON parameter each, so the
 * statement's text never varies.
 */
async function referenceDataComplete(db: Db): Promise<boolean> {
  const wantedPermissions = JSON.stringify(PERMISSIONS);
  const roleKeys = JSON.stringify(Object.keys(BUILTIN_ROLES));
  const statusKeys = JSON.stringify(BUILTIN_STATUSES.map((s) => s.key));
  const [row] = await db.execute<{ complete: boolean }>(sql`with
    wanted as (select key, value as description from jsonb_each_text(${wantedPermissions}::jsonb)),
    views as (
      select 'view.status.' || ${membershipStatuses.id} as key, 'See people with status "' || ${membershipStatuses.name} || '"' as description from ${membershipStatuses}
      union all
      select 'view.committee.' || ${committees.id}, 'See members of committee "' || ${committees.name} || '"' from ${committees}),
    held_views as (select ${permissions.key} as key, ${permissions.description} as description from ${permissions}
      where ${permissions.key} ~ '^view[.](status|committee)[.][0-9]{1,9}$')
    select
      (select count(*) from ${permissions} join wanted on wanted.key = ${permissions.key} and wanted.description = ${permissions.description}) = (select count(*) from wanted)
      and (select count(*) from ${rolePermissions} join ${roles} on ${roles.id} = ${rolePermissions.roleId}
        where ${roles.key} = 'admin' and ${rolePermissions.permissionKey} in (select key from wanted)) = (select count(*) from wanted)
      and (select count(*) from ${roles} where ${roles.key} in (select jsonb_array_elements_text(${roleKeys}::jsonb))) = jsonb_array_length(${roleKeys}::jsonb)
      and (select count(*) from ${membershipStatuses} where ${membershipStatuses.key} in (select jsonb_array_elements_text(${statusKeys}::jsonb)))
        = jsonb_array_length(${statusKeys}::jsonb)
      and exists (select 1 from ${addressTypes}) and exists (select 1 from ${membershipTypes})
      and not exists (select * from views except select * from held_views)
      and not exists (select * from held_views except select * from views) as complete`);
  return row?.complete === true;
}
