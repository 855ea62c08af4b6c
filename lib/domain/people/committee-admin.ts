import { count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { committeeFunctions, committees, functionHolders, functionRoles, roles } from "@/lib/db/schema";
import { grantRefusal } from "../access/containment";
import { syncViewRights } from "../access/view-rights";
import { diffValues, recordAudit } from "../audit/record-audit";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { uniqueViolation } from "../shared/db-errors";

const name = z.string().trim().min(1).max(100);

async function guardedUnique(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_name", "This name is already taken.", { field: "name" });
    throw error;
  }
}

export async function updateCommittee(db: Db, actorId: number, id: number, input: { name: string; description?: string }): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = z.object({ name, description: z.string().trim().max(1000).default("") }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return guardedUnique(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(committees).where(eq(committees.id, id));
      if (!before) return notFound("committee");
      await tx.update(committees).set(parsed.data).where(eq(committees.id, id));
      const diff = diffValues({ name: before.name, description: before.description }, parsed.data);
      if (Object.keys(diff.after).length) await recordAudit(tx, { actorId, changeType: "committee.update", entity: "committee", entityId: id, ...diff });
      await syncViewRights(tx);
      return { ok: true as const };
    }),
  );
}

/** How many holder rows (past or present) a set of functions has: that history must not vanish by cascade. */
async function holderCount(tx: Db, functionIds: number[]): Promise<number> {
  if (functionIds.length === 0) return 0;
  const [{ n }] = (await tx.select({ n: count() }).from(functionHolders).where(inArray(functionHolders.functionId, functionIds))) as [{ n: number }];
  return n;
}

/** A committee whose functions anyone ever held is kept (its history would go with it). */
export async function deleteCommittee(db: Db, actorId: number, id: number): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(committees).where(eq(committees.id, id)).for("update");
    if (!row) return notFound("committee");
    const fns = await tx.select().from(committeeFunctions).where(eq(committeeFunctions.committeeId, id));
    const n = await holderCount(
      tx,
      fns.map((f) => f.id),
    );
    if (n > 0) return fail("in_use", `People held functions of this committee (${n} records), so it cannot be deleted.`, { count: n });
    await tx.delete(committees).where(eq(committees.id, id));
    await recordAudit(tx, {
      actorId,
      changeType: "committee.delete",
      entity: "committee",
      entityId: id,
      before: { name: row.name, description: row.description, functions: fns.map((f) => f.name) },
    });
    await syncViewRights(tx);
    return { ok: true as const };
  });
}

const roleKeysOf = async (tx: Db, ids: number[]) =>
  ids.length ? (await tx.select({ key: roles.key }).from(roles).where(inArray(roles.id, ids))).map((r) => r.key).sort() : [];

/** Renames a function and sets the roles holding it grants. Changing roles hands out permissions: system admins only. */
export async function updateFunction(db: Db, actorId: number, functionId: number, input: { name: string; roleIds: number[] }): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write")) && !(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const parsed = z.object({ name, roleIds: z.array(z.number().int().positive()) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  const mayGrant = await actorMay(db, actorId, "system.admin");
  return guardedUnique(() =>
    db.transaction(async (tx) => {
      const [fn] = await tx.select().from(committeeFunctions).where(eq(committeeFunctions.id, functionId));
      if (!fn) return notFound("function");
      const current = (await tx.select({ roleId: functionRoles.roleId }).from(functionRoles).where(eq(functionRoles.functionId, functionId))).map(
        (r) => r.roleId,
      );
      const wanted = [...new Set(parsed.data.roleIds)];
      const before = { name: fn.name, roles: await roleKeysOf(tx, current) };
      const after = { name: parsed.data.name, roles: await roleKeysOf(tx, wanted) };
      if (after.roles.length !== wanted.length) return fail("invalid", "roles: unknown role", { field: "roles" });
      const rolesChanged = JSON.stringify(before.roles) !== JSON.stringify(after.roles);
      if (rolesChanged && !mayGrant) return forbidden();
      // Neither the roles it granted nor the ones it will grant may exceed the actor's own.
      const beyond = rolesChanged ? await grantRefusal(tx, actorId, { roleIds: current }, { roleIds: wanted }) : null;
      if (beyond) return beyond;
      await tx.update(committeeFunctions).set({ name: after.name }).where(eq(committeeFunctions.id, functionId));
      if (rolesChanged) {
        await tx.delete(functionRoles).where(eq(functionRoles.functionId, functionId));
        if (wanted.length) await tx.insert(functionRoles).values(wanted.map((roleId) => ({ functionId, roleId })));
      }
      const diff = diffValues(before, after);
      if (Object.keys(diff.after).length)
        await recordAudit(tx, { actorId, changeType: "committee.function.update", entity: "committee_function", entityId: functionId, ...diff });
      return { ok: true as const };
    }),
  );
}

export async function deleteFunction(db: Db, actorId: number, functionId: number): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return db.transaction(async (tx) => {
    const [fn] = await tx.select().from(committeeFunctions).where(eq(committeeFunctions.id, functionId)).for("update");
    if (!fn) return notFound("function");
    const n = await holderCount(tx, [functionId]);
    if (n > 0) return fail("in_use", `This function was held by people (${n} records), so it cannot be deleted.`, { count: n });
    await tx.delete(committeeFunctions).where(eq(committeeFunctions.id, functionId));
    await recordAudit(tx, { actorId, changeType: "committee.function.delete", entity: "committee_function", entityId: functionId, before: { name: fn.name } });
    return { ok: true as const };
  });
}

const roleList = perDb((db) => db.select({ id: roles.id, key: roles.key, name: roles.name }).from(roles).orderBy(roles.name).prepare("list_roles"));
export const listRoles = (db: Db) => roleList(db).execute();

export { resolvePersonRef } from "./person-ref";
