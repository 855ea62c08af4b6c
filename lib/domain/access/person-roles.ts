import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { people, personRoles, roles } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, notFound, type Result } from "../people/result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { spaceToday } from "../settings/space-today";
import { grantRefusal, subjectRefusal } from "./containment";

/** The roles a person holds directly (not through a status or a function) and has not ended, by id. */
export async function directRoleIds(db: Db, personId: number): Promise<number[]> {
  const rows = await db.select({ roleId: personRoles.roleId, until: personRoles.until }).from(personRoles).where(eq(personRoles.personId, personId));
  const today = await spaceToday(db);
  return rows
    .filter((r) => r.until === null || r.until >= today)
    .map((r) => r.roleId)
    .sort((a, b) => a - b);
}

export interface DirectRole {
  roleId: number;
  key: string;
  name: string;
  since: string;
  until: string | null;
}

/** Every role given to the person directly, ended ones included (kept as history), oldest first. */
const roleStatements = perDb((db) => ({
  direct: db
    .select({ roleId: roles.id, key: roles.key, name: roles.name, since: personRoles.since, until: personRoles.until })
    .from(personRoles)
    .innerJoin(roles, eq(roles.id, personRoles.roleId))
    .where(eq(personRoles.personId, sql.placeholder("personId")))
    .orderBy(asc(personRoles.since), asc(roles.name))
    .prepare("direct_roles"),
}));

export async function directRoles(db: Db, personId: number): Promise<DirectRole[]> {
  return roleStatements(db).direct.execute({ personId });
}

/** Both checks for touching someone's direct roles: not above the actor, and no role beyond the actor's own. */
async function refusal(tx: Db, actorId: number, personId: number, roleIds: number[]) {
  return (await subjectRefusal(tx, actorId, personId)) ?? (await grantRefusal(tx, actorId, { roleIds }));
}

async function lockedPerson(tx: Db, personId: number) {
  const [person] = await tx.select({ id: people.id, erasedAt: people.erasedAt }).from(people).where(eq(people.id, personId)).for("update");
  return person && !person.erasedAt ? person : null;
}

/**
 * Sets the roles a person holds directly. Hands out permissions, so system admins only, and like every grant it
 * is contained: the person may not be above the actor, and neither the roles taken away nor those given may
 * exceed the actor's own permissions. Roles kept keep their days; removed ones are deleted (use endPersonRole to
 * keep the history).
 */
export async function setPersonRoles(db: Db, actorId: number, personId: number, roleIds: number[]): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  return db.transaction(async (tx) => {
    if (!(await lockedPerson(tx, personId))) return notFound();
    const wanted = [...new Set(roleIds)].sort((a, b) => a - b);
    const known = wanted.length ? await tx.select({ id: roles.id, key: roles.key }).from(roles).where(inArray(roles.id, wanted)) : [];
    if (known.length !== wanted.length) return fail("invalid", "roles: unknown role", { field: "roles" });
    const current = await directRoleIds(tx, personId);
    if (JSON.stringify(current) === JSON.stringify(wanted)) return { ok: true as const };
    const refused = (await subjectRefusal(tx, actorId, personId)) ?? (await grantRefusal(tx, actorId, { roleIds: current }, { roleIds: wanted }));
    if (refused) return refused;
    const keysOf = async (ids: number[]) =>
      ids.length ? (await tx.select({ key: roles.key }).from(roles).where(inArray(roles.id, ids))).map((r) => r.key).sort() : [];
    const before = await keysOf(current);
    const removed = current.filter((id) => !wanted.includes(id));
    if (removed.length) await tx.delete(personRoles).where(and(eq(personRoles.personId, personId), inArray(personRoles.roleId, removed)));
    const today = await spaceToday(tx);
    // A role ended earlier and given again starts afresh today.
    for (const roleId of wanted.filter((id) => !current.includes(id)))
      await tx
        .insert(personRoles)
        .values({ personId, roleId, since: today })
        .onConflictDoUpdate({ target: [personRoles.personId, personRoles.roleId], set: { since: today, until: null, grantedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "person.roles",
      entity: "person",
      entityId: personId,
      before: { roles: before },
      after: { roles: known.map((r) => r.key).sort() },
    });
    return { ok: true as const };
  });
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day (YYYY-MM-DD)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "a day (YYYY-MM-DD)");
const grantInput = z
  .object({ roleId: z.number().int().positive(), since: day, until: day.nullable() })
  .refine((v) => v.until === null || v.until >= v.since, { message: "the last day is before the first", path: ["until"] });

/**
 * Gives a person one role directly from `since` through `until` (open when null); giving it again replaces the
 * days. System admins only, contained like every grant.
 */
export async function grantPersonRole(
  db: Db,
  actorId: number,
  personId: number,
  input: { roleId: number; since: string; until: string | null },
): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const parsed = grantInput.safeParse(input);
  if (!parsed.success) {
    const range = parsed.error.issues.some((i) => i.path[0] === "until" && i.code === "custom");
    return range ? fail("date_range", "The last day is before the first.", { field: "until" }) : invalidFrom(parsed.error.issues);
  }
  const { roleId, since, until } = parsed.data;
  return db.transaction(async (tx) => {
    if (!(await lockedPerson(tx, personId))) return notFound();
    const [role] = await tx.select({ key: roles.key }).from(roles).where(eq(roles.id, roleId));
    if (!role) return notFound("role");
    const refused = await refusal(tx, actorId, personId, [roleId]);
    if (refused) return refused;
    const [before] = await tx
      .select({ since: personRoles.since, until: personRoles.until })
      .from(personRoles)
      .where(and(eq(personRoles.personId, personId), eq(personRoles.roleId, roleId)));
    await tx
      .insert(personRoles)
      .values({ personId, roleId, since, until })
      .onConflictDoUpdate({ target: [personRoles.personId, personRoles.roleId], set: { since, until, grantedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "person.role.grant",
      entity: "person",
      entityId: personId,
      before: before ? { role: role.key, ...before } : null,
      after: { role: role.key, since, until },
    });
    return { ok: true as const };
  });
}

/**
 * Ends a directly held role: `lastDay` is the last day it counts (yesterday ends it now). Kept as history; a role
 * ended before it began is removed. Contained: nobody ends a role bigger than their own or of someone above them.
 */
export async function endPersonRole(db: Db, actorId: number, personId: number, roleId: number, lastDay?: string): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  if (lastDay !== undefined && !day.safeParse(lastDay).success) return fail("invalid", "until: a day (YYYY-MM-DD)", { field: "until" });
  return db.transaction(async (tx) => {
    if (!(await lockedPerson(tx, personId))) return notFound();
    const [held] = await tx
      .select({ since: personRoles.since, until: personRoles.until, key: roles.key })
      .from(personRoles)
      .innerJoin(roles, eq(roles.id, personRoles.roleId))
      .where(and(eq(personRoles.personId, personId), eq(personRoles.roleId, roleId)))
      .for("update");
    if (!held) return notFound("role");
    const refused = await refusal(tx, actorId, personId, [roleId]);
    if (refused) return refused;
    const today = await spaceToday(tx);
    const last = lastDay ?? previousDay(today);
    if (held.until !== null && held.until <= last) return { ok: true as const };
    if (last < held.since) await tx.delete(personRoles).where(and(eq(personRoles.personId, personId), eq(personRoles.roleId, roleId)));
    else
      await tx
        .update(personRoles)
        .set({ until: last })
        .where(and(eq(personRoles.personId, personId), eq(personRoles.roleId, roleId)));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "person.role.end",
      entity: "person",
      entityId: personId,
      before: { role: held.key, since: held.since, until: held.until },
      after: { role: held.key, until: last },
    });
    return { ok: true as const };
  });
}

function previousDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
