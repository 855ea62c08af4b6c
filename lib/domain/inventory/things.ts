import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { auditLog, inventoryCategories, inventoryLocations, things, type Thing } from "@/lib/db/schema";
import { diffValues, recordAudit } from "../audit/record-audit";
import { newSlug } from "../shared/new-slug";
import { isSlug } from "../shared/slugs";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a real date");

export const thingInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(""),
    categoryId: z.number().int().positive().nullable().default(null),
    locationId: z.number().int().positive().nullable().default(null),
    ownership: z.enum(["owned", "on_loan_from_member"]).default("owned"),
    lenderPersonId: z.number().int().positive().nullable().default(null),
    lenderUntil: isoDate.nullable().default(null),
    value: z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,2})?$/, "expected an amount like 120.50")
      .nullable()
      .default(null),
    purchaseDate: isoDate.nullable().default(null),
    notes: z.string().trim().max(5000).default(""),
  })
  .refine((t) => t.ownership === "owned" || t.lenderPersonId !== null, { path: ["lenderPersonId"], message: "who lent it to the space is required" });
export type ThingInput = z.input<typeof thingInput>;
export type ThingValues = z.output<typeof thingInput>;

export function invalid(error: z.ZodError) {
  return fail("invalid", error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
}

/** Lender fields only mean something for things on loan to the space. */
function normalise(v: ThingValues): ThingValues {
  return v.ownership === "owned" ? { ...v, lenderPersonId: null, lenderUntil: null } : v;
}

async function referencesExist(db: Db, v: ThingValues): Promise<string | null> {
  if (v.locationId && !(await db.select().from(inventoryLocations).where(eq(inventoryLocations.id, v.locationId))).length)
    return "The location does not exist.";
  if (v.categoryId && !(await db.select().from(inventoryCategories).where(eq(inventoryCategories.id, v.categoryId))).length)
    return "The category does not exist.";
  return null;
}

/** For callers already inside a transaction that checked permission (e.g. the CSV import). */
export async function insertThing(tx: Db, actorId: number, values: ThingValues): Promise<Thing> {
  const slug = await newSlug(tx, things, things.slug, values.name, "thing");
  const [row] = await tx
    .insert(things)
    .values({ ...normalise(values), slug })
    .returning();
  await recordAudit(tx, {
    actorId,
    subjectPersonId: row!.lenderPersonId,
    changeType: "thing.create",
    entity: "thing",
    entityId: row!.id,
    after: { number: row!.number, ...normalise(values) },
  });
  return row!;
}

export async function createThing(db: Db, actorId: number, raw: ThingInput): Promise<Result<{ id: number; number: number }>> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const parsed = thingInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return db.transaction(async (tx) => {
    const missing = await referencesExist(tx, parsed.data);
    if (missing) return fail("not_found", missing);
    const row = await insertThing(tx, actorId, parsed.data);
    return { ok: true as const, id: row.id, number: row.number };
  });
}

export async function updateThing(db: Db, actorId: number, id: number, raw: ThingInput): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const parsed = thingInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const values = normalise(parsed.data);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(things).where(eq(things.id, id)).for("update");
    if (!before) return fail("not_found", "This thing does not exist.");
    const missing = await referencesExist(tx, values);
    if (missing) return fail("not_found", missing);
    await tx
      .update(things)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(things.id, id));
    const { before: b, after: a } = diffValues(before, { ...before, ...values });
    const changeType = Object.keys(a).length === 1 && "locationId" in a ? "thing.move" : "thing.update";
    await recordAudit(tx, { actorId, subjectPersonId: values.lenderPersonId, changeType, entity: "thing", entityId: id, before: b, after: a });
    return { ok: true as const };
  });
}

export async function moveThing(db: Db, actorId: number, id: number, locationId: number | null): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(things).where(eq(things.id, id)).for("update");
    if (!before) return fail("not_found", "This thing does not exist.");
    if (locationId && !(await tx.select().from(inventoryLocations).where(eq(inventoryLocations.id, locationId))).length) {
      return fail("not_found", "The location does not exist.");
    }
    await tx.update(things).set({ locationId, updatedAt: new Date() }).where(eq(things.id, id));
    await recordAudit(tx, {
      actorId,
      changeType: "thing.move",
      entity: "thing",
      entityId: id,
      before: { locationId: before.locationId },
      after: { locationId },
    });
    return { ok: true as const };
  });
}

export async function getThing(db: Db, id: number): Promise<Thing | null> {
  const [row] = await db.select().from(things).where(eq(things.id, id));
  return row ?? null;
}

export async function getThingByNumber(db: Db, number: number): Promise<Thing | null> {
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) return null;
  const [row] = await db.select().from(things).where(eq(things.number, number));
  return row ?? null;
}

/** /things/<slug>: the number of the thing whose slug it is (made from its name when it was created), or null. */
export async function thingNumberBySlug(db: Db, slug: string): Promise<number | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.select({ number: things.number }).from(things).where(eq(things.slug, slug));
  return row?.number ?? null;
}

export async function thingsByNumbers(db: Db, numbers: number[]): Promise<Thing[]> {
  return numbers.length ? db.select().from(things).where(inArray(things.number, numbers)) : [];
}

/** Every move, loan and edit of a thing, newest first: the audit log is the history. */
export async function thingHistory(db: Db, thingId: number, limit = 100) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "thing"), eq(auditLog.entityId, String(thingId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
