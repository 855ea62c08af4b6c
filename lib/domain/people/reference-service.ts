import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { addressTypes, membershipStatuses, membershipTypes } from "@/lib/db/schema";
import { syncViewRights } from "../access/view-rights";
import { diffValues, recordAudit } from "../audit/record-audit";
import { setStatusRoles, SYSTEM_STATUS_KEYS } from "./reference-delete";
import { fail, forbidden, notFound, type Failure, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { Abort, catchAbort, invalidFrom } from "../shared/result";
import { uniqueViolation } from "../shared/db-errors";

const key = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "lowercase letters, digits, - and _");
const name = z.string().trim().min(1).max(100);

async function guardedUnique<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_name", "This key is already taken.", { field: "key" });
    throw error;
  }
}

export const statusSchema = z.object({
  key,
  name,
  mayLogIn: z.boolean(),
  mayUseMachines: z.boolean(),
  inDirectory: z.boolean(),
  mayVote: z.boolean(),
  sortOrder: z.coerce.number().int().default(0),
});

/** Statuses decide who may log in, use machines, appear in the directory and vote: system admins only. */
export async function saveStatus(db: Db, actorId: number, id: number | null, input: z.input<typeof statusSchema>): Promise<Result<{ id: number }>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return forbidden();
  const parsed = statusSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  if (id !== null) {
    // The code finds these statuses by key (sign-up, end of year …): their names may change, their keys not.
    const [before] = await db.select({ key: membershipStatuses.key }).from(membershipStatuses).where(eq(membershipStatuses.id, id));
    if (before && before.key !== parsed.data.key && (SYSTEM_STATUS_KEYS as readonly string[]).includes(before.key)) {
      return fail("invalid", `key: the system needs the key "${before.key}"`, { field: "key" });
    }
  }
  const saved = await guardedUnique(() => saveRow(db, actorId, "membership_status", membershipStatuses, id, parsed.data));
  // A new status brings its view right; a renamed one renames it.
  if (saved.ok) await syncViewRights(db);
  return saved;
}

/** The status form saves the flags and the roles together: a refused roles step leaves nothing half-saved. */
export async function saveStatusWithRoles(
  db: Db,
  actorId: number,
  id: number | null,
  input: z.input<typeof statusSchema>,
  roleIds: number[],
): Promise<Result<{ id: number }>> {
  return catchAbort<Result<{ id: number }>, Failure>(() =>
    db.transaction(async (tx) => {
      const saved = await saveStatus(tx, actorId, id, input);
      if (!saved.ok) throw new Abort(saved);
      const roles = await setStatusRoles(tx, actorId, saved.id, roleIds);
      if (!roles.ok) throw new Abort(roles);
      return saved;
    }),
  );
}

export const membershipTypeSchema = z.object({
  key,
  name,
  feeCents: z.coerce.number().int().min(0).max(100_000_000),
  billingPeriod: z.enum(["monthly", "quarterly", "yearly", "once", "none"]),
  partnerRate: z.boolean().default(false),
  active: z.boolean().default(true),
  sortOrder: z.coerce.number().int().default(0),
});

export async function saveMembershipType(
  db: Db,
  actorId: number,
  id: number | null,
  input: z.input<typeof membershipTypeSchema>,
): Promise<Result<{ id: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = membershipTypeSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return guardedUnique(() => saveRow(db, actorId, "membership_type", membershipTypes, id, parsed.data));
}

export const addressTypeSchema = z.object({ key, name, sortOrder: z.coerce.number().int().default(0) });

export async function saveAddressType(db: Db, actorId: number, id: number | null, input: z.input<typeof addressTypeSchema>): Promise<Result<{ id: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = addressTypeSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return guardedUnique(() => saveRow(db, actorId, "address_type", addressTypes, id, parsed.data));
}

type Table = typeof membershipStatuses | typeof membershipTypes | typeof addressTypes;

/** Insert or update one reference row with its audit entry, in one transaction. */
async function saveRow(
  db: Db,
  actorId: number,
  entity: "membership_status" | "membership_type" | "address_type",
  table: Table,
  id: number | null,
  values: Partial<Table["$inferInsert"]>,
): Promise<Result<{ id: number }>> {
  return db.transaction(async (tx) => {
    if (id === null) {
      const [row] = (await tx
        .insert(table)
        .values(values as never)
        .returning()) as { id: number }[];
      await recordAudit(tx, { actorId, changeType: `${entity}.create`, entity, entityId: row!.id, after: values });
      return { ok: true as const, id: row!.id };
    }
    const [before] = (await tx.select().from(table).where(eq(table.id, id))) as Record<string, unknown>[];
    if (!before) return notFound(entity.replace("_", " "));
    await tx
      .update(table)
      .set(values as never)
      .where(eq(table.id, id));
    const picked = Object.fromEntries(Object.keys(values).map((k) => [k, before[k]])) as typeof values;
    const diff = diffValues(picked, values);
    if (Object.keys(diff.after).length) await recordAudit(tx, { actorId, changeType: `${entity}.update`, entity, entityId: id, ...diff });
    return { ok: true as const, id };
  });
}

// Prepared once per handle: the people pages ask for these lists on every request.
const lists = perDb((db) => ({
  statuses: db.select().from(membershipStatuses).orderBy(asc(membershipStatuses.sortOrder), asc(membershipStatuses.id)).prepare("list_statuses"),
  types: db.select().from(membershipTypes).orderBy(asc(membershipTypes.sortOrder), asc(membershipTypes.id)).prepare("list_membership_types"),
  addressTypes: db.select().from(addressTypes).orderBy(asc(addressTypes.sortOrder), asc(addressTypes.id)).prepare("list_address_types"),
}));
export const listStatuses = (db: Db) => lists(db).statuses.execute();
export const listMembershipTypes = (db: Db) => lists(db).types.execute();
export const listAddressTypes = (db: Db) => lists(db).addressTypes.execute();
