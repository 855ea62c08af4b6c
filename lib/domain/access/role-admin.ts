import { asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { permissions as permissionRows, rolePermissions, roles } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { uniqueViolation } from "../shared/db-errors";
import { fail, forbidden, notFound, type Result } from "../people/result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { grantRefusal } from "./containment";
import { isPermission, type Permission } from "./permissions";
import { parseViewRight } from "./view-rights";

/** The administrator role always holds every permission (reference data re-adds them at start): it is not edited. */
export const LOCKED_ROLE_KEY = "admin";

export interface RoleRow {
  id: number;
  key: string;
  name: string;
  description: string;
  permissions: Permission[];
  /** View rights (access/view-rights) the role carries: "view.status.<id>", "view.committee.<id>". */
  rights: string[];
}

export async function listRolesWithPermissions(db: Db): Promise<RoleRow[]> {
  const [rows, grants] = await Promise.all([db.select().from(roles).orderBy(asc(roles.name)), db.select().from(rolePermissions)]);
  return rows.map((r) =>
    roleRow(
      r,
      grants.filter((g) => g.roleId === r.id).map((g) => g.permissionKey),
    ),
  );
}

/** One role as listRolesWithPermissions has it, or null: one statement, its own grants alone (its pages ask for one). */
export async function roleWithPermissions(db: Db, roleId: number | null): Promise<RoleRow | null> {
  if (roleId === null) return null;
  const [row] = await db
    .select({
      role: roles,
      keys: sql<string[]>`coalesce(array_agg(${rolePermissions.permissionKey}) filter (where ${rolePermissions.permissionKey} is not null), '{}')`,
    })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(roles.id, roleId))
    .groupBy(roles.id);
  return row ? roleRow(row.role, row.keys) : null;
}

function roleRow(role: typeof roles.$inferSelect, keys: string[]): RoleRow {
  return {
    ...role,
    permissions: keys.filter(isPermission).sort(),
    rights: keys.filter((k) => parseViewRight(k)).sort(),
  };
}

const roleInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(""),
  permissions: z.array(z.string()).transform((keys, ctx) => {
    const unknown = keys.find((k) => !isPermission(k) && !parseViewRight(k));
    if (unknown) ctx.addIssue({ code: "custom", message: `unknown permission ${unknown}` });
    return [...new Set(keys)].sort();
  }),
});

/** Built-in permissions and view rights apart: containment weighs the first; the second must exist. */
async function splitKeys(tx: Db, keys: string[]): Promise<{ builtin: Permission[]; missingRight: string | null }> {
  const rights = keys.filter((k) => parseViewRight(k));
  const existing = rights.length
    ? new Set((await tx.select({ key: permissionRows.key }).from(permissionRows).where(inArray(permissionRows.key, rights))).map((r) => r.key))
    : new Set<string>();
  return { builtin: keys.filter(isPermission), missingRight: rights.find((k) => !existing.has(k)) ?? null };
}
export type RoleInput = z.input<typeof roleInput>;

/** A readable, stable key from the name ("Workshop lead" → "workshop-lead"); numbered when taken. */
async function freshKey(tx: Db, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "role";
  const taken = new Set(
    (
      await tx
        .select({ key: roles.key })
        .from(roles)
        .where(sql`${roles.key} like ${`${base}%`}`)
    ).map((r) => r.key),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

async function guardedName(run: () => Promise<Result<{ roleId: number }>>): Promise<Result<{ roleId: number }>> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_name", "This name is already taken.", { field: "name" });
    throw error;
  }
}

/** A new role with permissions the actor holds themselves (system admins only). */
export async function createRole(db: Db, actorId: number, input: RoleInput): Promise<Result<{ roleId: number }>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const parsed = roleInput.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  const { name, description, permissions } = parsed.data;
  return guardedName(() =>
    db.transaction(async (tx) => {
      const { builtin, missingRight } = await splitKeys(tx, permissions);
      if (missingRight) return fail("invalid", `permissions: unknown permission ${missingRight}`, { field: "permissions" });
      const refused = await grantRefusal(tx, actorId, { permissions: builtin });
      if (refused) return refused;
      if (
        (
          await tx
            .select({ id: roles.id })
            .from(roles)
            .where(sql`lower(${roles.name}) = lower(${name})`)
        ).length
      )
        return fail("duplicate_name", "This name is already taken.", { field: "name" });
      const [row] = await tx
        .insert(roles)
        .values({ key: await freshKey(tx, name), name, description })
        .returning();
      if (permissions.length) await tx.insert(rolePermissions).values(permissions.map((permissionKey) => ({ roleId: row!.id, permissionKey })));
      await recordAudit(tx, {
        actorId,
        changeType: "role.create",
        entity: "role",
        entityId: row!.id,
        after: { key: row!.key, name, description, permissions },
      });
      return { ok: true as const, roleId: row!.id };
    }),
  );
}

/**
 * Renames a role and sets its permissions. Everyone holding the role gains or loses with it, so the actor must
 * hold every permission the role carried before and carries after; the administrator role keeps all of them.
 */
export async function updateRole(db: Db, actorId: number, roleId: number, input: RoleInput): Promise<Result<{ roleId: number }>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const parsed = roleInput.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  const { name, description, permissions } = parsed.data;
  return guardedName(() =>
    db.transaction(async (tx) => {
      const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update");
      if (!role) return notFound("role");
      const current = (await tx.select({ key: rolePermissions.permissionKey }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId)))
        .map((r) => r.key)
        .filter((k) => isPermission(k) || parseViewRight(k))
        .sort();
      const locked = role.key === LOCKED_ROLE_KEY;
      const builtinOf = (keys: string[]) => JSON.stringify(keys.filter(isPermission));
      if (locked && builtinOf(current) !== builtinOf(permissions))
        return fail("locked", "The administrator role always holds every permission.", { field: "permissions" });
      // The administrator sees every group anyway; its view rights are kept as they are.
      if (locked) permissions.splice(0, permissions.length, ...current);
      const permissionsChanged = JSON.stringify(current) !== JSON.stringify(permissions);
      const { builtin, missingRight } = await splitKeys(tx, permissions);
      if (missingRight) return fail("invalid", `permissions: unknown permission ${missingRight}`, { field: "permissions" });
      const refused = await grantRefusal(tx, actorId, { permissions: current.filter(isPermission) }, { permissions: builtin });
      if (refused) return refused;
      const clash = await tx
        .select({ id: roles.id })
        .from(roles)
        .where(sql`lower(${roles.name}) = lower(${name}) and ${roles.id} <> ${roleId}`);
      if (clash.length) return fail("duplicate_name", "This name is already taken.", { field: "name" });
      await tx.update(roles).set({ name, description }).where(eq(roles.id, roleId));
      if (permissionsChanged) {
        const removed = current.filter((p) => !permissions.includes(p));
        const added = permissions.filter((p) => !current.includes(p));
        if (removed.length)
          await tx.delete(rolePermissions).where(sql`${rolePermissions.roleId} = ${roleId} and ${inArray(rolePermissions.permissionKey, removed)}`);
        if (added.length) await tx.insert(rolePermissions).values(added.map((permissionKey) => ({ roleId, permissionKey })));
      }
      const before = { name: role.name, description: role.description, permissions: current };
      const after = { name, description, permissions };
      if (JSON.stringify(before) !== JSON.stringify(after))
        await recordAudit(tx, { actorId, changeType: "role.update", entity: "role", entityId: roleId, before, after });
      return { ok: true as const, roleId };
    }),
  );
}

/** Deleting a role takes it from everyone (directly, through statuses and functions): contained like a grant. */
export async function deleteRole(db: Db, actorId: number, roleId: number): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  return db.transaction(async (tx) => {
    const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update");
    if (!role) return notFound("role");
    if (role.key === LOCKED_ROLE_KEY) return fail("locked", "The administrator role cannot be deleted.");
    const refused = await grantRefusal(tx, actorId, { roleIds: [roleId] });
    if (refused) return refused;
    const permissions = (await tx.select({ key: rolePermissions.permissionKey }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId)))
      .map((r) => r.key)
      .sort();
    await tx.delete(roles).where(eq(roles.id, roleId));
    await recordAudit(tx, {
      actorId,
      changeType: "role.delete",
      entity: "role",
      entityId: roleId,
      before: { key: role.key, name: role.name, description: role.description, permissions },
    });
    return { ok: true as const };
  });
}
