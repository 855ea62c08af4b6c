import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { committeeFunctions, committees, functionHolders, functionRoles, people, roles } from "@/lib/db/schema";
import { grantRefusal, subjectRefusal } from "../access/containment";
import { functionViewRightsRefusal, outOfViewRefusal, syncViewRights } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, notFound, type Result } from "./result";
import { namesShownTo, type NameViewer } from "./shown-names";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { spaceToday } from "../settings/space-today";
import { uniqueViolation } from "../shared/db-errors";

const name = z.string().trim().min(1).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "not a date (YYYY-MM-DD)");

async function guardedUnique<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_name", "This name is already taken.", { field: "name" });
    throw error;
  }
}

export async function createCommittee(db: Db, actorId: number, input: { name: string; description?: string }): Promise<Result<{ committeeId: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = z.object({ name, description: z.string().trim().max(1000).default("") }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return guardedUnique(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(committees).values(parsed.data).returning();
      await recordAudit(tx, { actorId, changeType: "committee.create", entity: "committee", entityId: row!.id, after: parsed.data });
      await syncViewRights(tx);
      return { ok: true as const, committeeId: row!.id };
    }),
  );
}

/** A function a committee allows; its roles are what holding it grants (dynamic rights). */
export async function createFunction(
  db: Db,
  actorId: number,
  input: { committeeId: number; name: string; roleIds?: number[] },
): Promise<Result<{ functionId: number }>> {
  if (!(await actorMay(db, actorId, "system.admin")) && !(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = z.object({ committeeId: z.number().int().positive(), name, roleIds: z.array(z.number().int().positive()).default([]) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  // Granting roles hands out permissions: only a system admin may attach them.
  if (parsed.data.roleIds.length && !(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const beyond = await grantRefusal(db, actorId, { roleIds: parsed.data.roleIds });
  if (beyond) return beyond;
  return guardedUnique(() =>
    db.transaction(async (tx) => {
      const [committee] = await tx.select().from(committees).where(eq(committees.id, parsed.data.committeeId));
      if (!committee) return notFound("committee");
      const [row] = await tx.insert(committeeFunctions).values({ committeeId: committee.id, name: parsed.data.name }).returning();
      if (parsed.data.roleIds.length) await tx.insert(functionRoles).values(parsed.data.roleIds.map((roleId) => ({ functionId: row!.id, roleId })));
      const roleKeys = parsed.data.roleIds.length
        ? (await tx.select({ key: roles.key, id: roles.id }).from(roles)).filter((r) => parsed.data.roleIds.includes(r.id)).map((r) => r.key)
        : [];
      await recordAudit(tx, {
        actorId,
        changeType: "committee.function.create",
        entity: "committee_function",
        entityId: row!.id,
        after: { committee: committee.name, name: row!.name, roles: roleKeys },
      });
      return { ok: true as const, functionId: row!.id };
    }),
  );
}

export const holderSchema = z
  .object({ functionId: z.number().int().positive(), personId: z.number().int().positive(), since: isoDate, until: isoDate.nullable().optional() })
  .refine((h) => !h.until || h.until >= h.since, { message: "ends before it starts", path: ["until"] });

/** Someone takes up a function since a day (and maybe until one). */
export async function assignFunction(db: Db, actorId: number, input: z.input<typeof holderSchema>): Promise<Result<{ holderId: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = holderSchema.safeParse(input);
  if (!parsed.success) {
    if (parsed.error.issues[0]?.message === "ends before it starts") return fail("date_range", "The function ends before it starts.", { field: "until" });
    return invalidFrom(parsed.error.issues);
  }
  return db.transaction(async (tx) => {
    const [fn] = await tx
      .select({ f: committeeFunctions, c: committees })
      .from(committeeFunctions)
      .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
      .where(eq(committeeFunctions.id, parsed.data.functionId));
    if (!fn) return notFound("function");
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, parsed.data.personId));
    // A person outside the actor's view rights is refused as one who does not exist (as the form's unknown person).
    if (!person || (await outOfViewRefusal(tx, actorId, person.id))) return fail("not_found", "No such person.", { field: "person" });
    // The function's roles become the holder's: nobody hands out a function granting more than they hold.
    const beyond = (await grantRefusal(tx, actorId, { functionId: fn.f.id })) ?? (await functionViewRightsRefusal(tx, actorId, fn.f.id));
    if (beyond) return beyond;
    const [row] = await tx
      .insert(functionHolders)
      .values({ ...parsed.data, until: parsed.data.until ?? null })
      .returning();
    await recordAudit(tx, {
      actorId,
      subjectPersonId: person.id,
      changeType: "committee.function.assign",
      entity: "function_holder",
      entityId: row!.id,
      after: { committee: fn.c.name, function: fn.f.name, since: row!.since, until: row!.until },
    });
    return { ok: true as const, holderId: row!.id };
  });
}

export async function endFunction(db: Db, actorId: number, holderId: number, until: string): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  if (!isoDate.safeParse(until).success) return fail("invalid", "until: not a date (YYYY-MM-DD)", { field: "until" });
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(functionHolders).where(eq(functionHolders.id, holderId));
    // A holder outside the actor's view rights is refused as one that does not exist (as assignFunction's person).
    if (!row || (await outOfViewRefusal(tx, actorId, row.personId))) return notFound("function holder");
    if (until < row.since) return fail("date_range", "The function ends before it starts.", { field: "until" });
    // Ending a function takes its roles away: only within the actor's own permissions, never from someone above them.
    // An end later than the stored one extends or reopens the holding, handing its roles out again for those days:
    // weighed as assigning it, view rights included (grantRefusal weighs built-in permissions only).
    const lengthens = row.until !== null && until > row.until;
    const beyond =
      (await subjectRefusal(tx, actorId, row.personId)) ??
      (await grantRefusal(tx, actorId, { functionId: row.functionId })) ??
      (lengthens ? await functionViewRightsRefusal(tx, actorId, row.functionId) : null);
    if (beyond) return beyond;
    await tx.update(functionHolders).set({ until }).where(eq(functionHolders.id, holderId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: row.personId,
      changeType: "committee.function.end",
      entity: "function_holder",
      entityId: holderId,
      before: { until: row.until },
      after: { until },
    });
    return { ok: true as const };
  });
}

export interface CommitteeView {
  id: number;
  name: string;
  description: string;
  functions: {
    id: number;
    name: string;
    roles: string[];
    holders: { holderId: number; personId: number; name: string | null; since: string; until: string | null }[];
  }[];
}

/** Every committee by id and name, by name: what a filter or a view right names (listCommittees reads functions and holders too). */
// Prepared once per handle: the people list offers them as a filter on every request.
const names = perDb((db) => db.select({ id: committees.id, name: committees.name }).from(committees).orderBy(asc(committees.name)).prepare("committee_names"));
export async function committeeNames(db: Db): Promise<{ id: number; name: string }[]> {
  return names(db).execute();
}

/** Committees with their functions and today's holders, named as each lets this viewer see them (the committees page). */
export async function listCommittees(db: Db, viewer: NameViewer, day?: string): Promise<CommitteeView[]> {
  const today = day ?? (await spaceToday(db));
  const cs = await db.select().from(committees).orderBy(asc(committees.name));
  const fns = await db.select().from(committeeFunctions).orderBy(asc(committeeFunctions.name));
  const fr = await db.select({ functionId: functionRoles.functionId, key: roles.key }).from(functionRoles).innerJoin(roles, eq(roles.id, functionRoles.roleId));
  const holders = await db
    .select({ h: functionHolders })
    .from(functionHolders)
    .where(and(lte(functionHolders.since, today), or(isNull(functionHolders.until), gte(functionHolders.until, today))));
  // Each holder's name as that person lets this viewer see it, within the viewer's view rights (null: '#id').
  const shown = await namesShownTo(
    db,
    viewer,
    holders.map((h) => h.h.personId),
  );
  return cs.map((c) => ({
    ...c,
    functions: fns
      .filter((f) => f.committeeId === c.id)
      .map((f) => ({
        id: f.id,
        name: f.name,
        roles: fr.filter((r) => r.functionId === f.id).map((r) => r.key),
        holders: holders
          .filter((h) => h.h.functionId === f.id)
          .map((h) => ({
            holderId: h.h.id,
            personId: h.h.personId,
            name: shown.get(h.h.personId) ?? null,
            since: h.h.since,
            until: h.h.until,
          })),
      })),
  }));
}
