import { count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { addressHolders, addressTypes, memberships, membershipStatuses, membershipTypes, people, roles, statusRoles } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import { grantRefusal } from "../access/containment";
import { syncViewRights } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

/** Statuses the code looks up by key (sign-up, approval, end of year, erasure): they can be renamed, never deleted. */
export const SYSTEM_STATUS_KEYS = ["applicant", "member", "former", "banned"] as const;

type Refusal = { message: string; count?: number; field?: string };

/**
 * Deletes a reference row nobody refers to. `usage` counts the rows that still refer to it; a count above zero
 * refuses with a message saying how many, and nothing is deleted.
 */
async function deleteUnused(
  db: Db,
  actorId: number,
  opts: {
    permission: Permission;
    entity: "membership_status" | "membership_type" | "address_type";
    table: typeof membershipStatuses | typeof membershipTypes | typeof addressTypes;
    id: number;
    usage: (tx: Db) => Promise<Refusal | null>;
  },
): Promise<Result> {
  if (!(await actorMay(db, actorId, opts.permission))) return forbidden();
  return db.transaction(async (tx) => {
    // Lock the row so nobody starts using it between the check and the delete.
    const [row] = (await tx.select().from(opts.table).where(eq(opts.table.id, opts.id)).for("update")) as (typeof opts.table.$inferSelect)[];
    if (!row) return notFound(opts.entity.replace("_", " "));
    const refusal = await opts.usage(tx);
    if (refusal) return fail("in_use", refusal.message, { count: refusal.count, field: refusal.field });
    await tx.delete(opts.table).where(eq(opts.table.id, opts.id));
    await recordAudit(tx, { actorId, changeType: `${opts.entity}.delete`, entity: opts.entity, entityId: opts.id, before: row });
    return { ok: true as const };
  });
}

/** A status held by anyone (current people, also former ones) or needed by the code is kept. */
export async function deleteStatus(db: Db, actorId: number, id: number): Promise<Result> {
  const result = await deleteUnused(db, actorId, {
    permission: "system.admin",
    entity: "membership_status",
    table: membershipStatuses,
    id,
    usage: async (tx) => {
      const [s] = await tx.select({ key: membershipStatuses.key }).from(membershipStatuses).where(eq(membershipStatuses.id, id));
      if ((SYSTEM_STATUS_KEYS as readonly string[]).includes(s!.key))
        return { message: `The status "${s!.key}" is needed by the system and cannot be deleted.`, field: "key" };
      const [{ n }] = (await tx.select({ n: count() }).from(people).where(eq(people.statusId, id))) as [{ n: number }];
      return n > 0 ? { message: `${n} people have this status, so it cannot be deleted.`, count: n } : null;
    },
  });
  // Its view right goes with it (and that right's place in every role).
  if (result.ok) await syncViewRights(db);
  return result;
}

/** A type any membership (also a past one) refers to is kept: history needs it. Make it inactive instead. */
export function deleteMembershipType(db: Db, actorId: number, id: number): Promise<Result> {
  return deleteUnused(db, actorId, {
    permission: "members.write",
    entity: "membership_type",
    table: membershipTypes,
    id,
    usage: async (tx) => {
      const [{ n }] = (await tx.select({ n: count() }).from(memberships).where(eq(memberships.typeId, id))) as [{ n: number }];
      return n > 0 ? { message: `${n} memberships are of this type, so it cannot be deleted (mark it inactive instead).`, count: n } : null;
    },
  });
}

export function deleteAddressType(db: Db, actorId: number, id: number): Promise<Result> {
  return deleteUnused(db, actorId, {
    permission: "members.write",
    entity: "address_type",
    table: addressTypes,
    id,
    usage: async (tx) => {
      const [{ n }] = (await tx.select({ n: count() }).from(addressHolders).where(eq(addressHolders.typeId, id))) as [{ n: number }];
      return n > 0 ? { message: `${n} addresses are of this type, so it cannot be deleted.`, count: n } : null;
    },
  });
}

/** Dynamic rights: everyone holding the status gets exactly these roles. Hands out permissions, so system admins only. */
export async function setStatusRoles(db: Db, actorId: number, statusId: number, roleIds: number[]): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  return db.transaction(async (tx) => {
    const [status] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.id, statusId));
    if (!status) return notFound("membership status");
    const all = await tx.select({ id: roles.id, key: roles.key }).from(roles);
    const wanted = [...new Set(roleIds)];
    if (wanted.some((id) => !all.some((r) => r.id === id))) return fail("invalid", "roles: unknown role", { field: "roles" });
    const current = await tx.select({ roleId: statusRoles.roleId }).from(statusRoles).where(eq(statusRoles.statusId, statusId));
    const keysOf = (ids: number[]) =>
      all
        .filter((r) => ids.includes(r.id))
        .map((r) => r.key)
        .sort();
    const before = keysOf(current.map((c) => c.roleId));
    const after = keysOf(wanted);
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true as const };
    // Neither the roles the status granted nor the ones it will grant may exceed the actor's own.
    const beyond = await grantRefusal(tx, actorId, { roleIds: current.map((c) => c.roleId) }, { roleIds: wanted });
    if (beyond) return beyond;
    await tx.delete(statusRoles).where(eq(statusRoles.statusId, statusId));
    if (wanted.length) await tx.insert(statusRoles).values(wanted.map((roleId) => ({ statusId, roleId })));
    await recordAudit(tx, {
      actorId,
      changeType: "membership_status.roles",
      entity: "membership_status",
      entityId: statusId,
      before: { roles: before },
      after: { roles: after },
    });
    return { ok: true as const };
  });
}

/** Each status with the role keys it grants (the admin page shows and edits these). */
export async function statusRoleIds(db: Db): Promise<Map<number, number[]>> {
  const rows = await db.select().from(statusRoles);
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.statusId, [...(out.get(r.statusId) ?? []), r.roleId]);
  return out;
}
