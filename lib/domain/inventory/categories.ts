import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { inventoryCategories, type InventoryCategory } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";

export async function listCategories(db: Db): Promise<InventoryCategory[]> {
  return db.select().from(inventoryCategories).orderBy(asc(inventoryCategories.name));
}

export async function getCategory(db: Db, id: number): Promise<InventoryCategory | null> {
  const [row] = await db.select().from(inventoryCategories).where(eq(inventoryCategories.id, id));
  return row ?? null;
}

export async function findCategoryByName(db: Db, name: string): Promise<InventoryCategory | null> {
  const [row] = await db
    .select()
    .from(inventoryCategories)
    .where(eq(sql`lower(${inventoryCategories.name})`, name.trim().toLowerCase()));
  return row ?? null;
}

/** Inside a transaction whose caller checked permission: the existing category of that name, or a new one. */
export async function ensureCategory(tx: Db, actorId: number, name: string): Promise<InventoryCategory> {
  const existing = await findCategoryByName(tx, name);
  if (existing) return existing;
  const [row] = await tx.insert(inventoryCategories).values({ name: name.trim() }).returning();
  await recordAudit(tx, { actorId, changeType: "category.create", entity: "category", entityId: row!.id, after: { name: row!.name } });
  return row!;
}

export async function createCategory(db: Db, actorId: number, rawName: string): Promise<Result<{ id: number }>> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const name = z.string().trim().min(1).max(100).safeParse(rawName);
  if (!name.success) return fail("invalid", "A category needs a name of at most 100 characters.");
  return db.transaction(async (tx) => ({ ok: true as const, id: (await ensureCategory(tx, actorId, name.data)).id }));
}
