import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { inventoryLocations, things, type InventoryLocation } from "@/lib/db/schema";
import { diffValues, recordAudit } from "../audit/record-audit";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";
import { constraintOf } from "../shared/db-errors";

export const LOCATION_KINDS = ["room", "shelf", "box", "other"] as const;

export const locationInput = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(LOCATION_KINDS).default("box"),
  description: z.string().trim().max(2000).default(""),
  parentId: z.number().int().positive().nullable().default(null),
});
export type LocationInput = z.input<typeof locationInput>;

const CYCLE_MESSAGE = "A location cannot be put inside itself or inside one of its own sub-locations.";

export async function listLocations(db: Db): Promise<InventoryLocation[]> {
  return db.select().from(inventoryLocations).orderBy(asc(inventoryLocations.name));
}

export async function getLocation(db: Db, id: number): Promise<InventoryLocation | null> {
  const [row] = await db.select().from(inventoryLocations).where(eq(inventoryLocations.id, id));
  return row ?? null;
}

/** The location and every location below it, at any depth. */
export async function locationAndDescendantIds(db: Db, id: number): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    with recursive down as (
      select id from inventory_locations where id = ${id}
      union
      select l.id from inventory_locations l join down on l.parent_id = down.id
    ) select id from down`);
  return rows.map((r) => Number(r.id));
}

/** From the room down to the location itself, e.g. Workshop › Shelf 2 › Box 7. */
export async function locationPath(db: Db, id: number): Promise<InventoryLocation[]> {
  const all = await listLocations(db);
  const byId = new Map(all.map((l) => [l.id, l]));
  const path: InventoryLocation[] = [];
  const seen = new Set<number>();
  for (let l = byId.get(id); l && !seen.has(l.id); l = l.parentId ? byId.get(l.parentId) : undefined) {
    seen.add(l.id);
    path.unshift(l);
  }
  return path;
}

function invalid(error: z.ZodError) {
  return fail("invalid", error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
}

export async function createLocation(db: Db, actorId: number, raw: LocationInput): Promise<Result<{ id: number }>> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const parsed = locationInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return db.transaction(async (tx) => {
    if (parsed.data.parentId && !(await getLocation(tx, parsed.data.parentId))) return fail("not_found", "The parent location does not exist.");
    const [row] = await tx.insert(inventoryLocations).values(parsed.data).returning();
    await recordAudit(tx, { actorId, changeType: "location.create", entity: "location", entityId: row!.id, after: parsed.data });
    return { ok: true as const, id: row!.id };
  });
}

/** Rename or move a location. Moving it into itself or below itself is refused here and by a database trigger. */
export async function updateLocation(db: Db, actorId: number, id: number, raw: LocationInput): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  const parsed = locationInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return await db.transaction(async (tx) => {
      // Same lock as the trigger, so this check and the trigger's see the same tree.
      await tx.execute(sql`select pg_advisory_xact_lock(727100201)`);
      const [before] = await tx.select().from(inventoryLocations).where(eq(inventoryLocations.id, id)).for("update");
      if (!before) return fail("not_found", "This location does not exist.");
      const parentId = parsed.data.parentId;
      if (parentId !== null) {
        if (!(await getLocation(tx, parentId))) return fail("not_found", "The parent location does not exist.");
        if ((await locationAndDescendantIds(tx, id)).includes(parentId)) return fail("location_cycle", CYCLE_MESSAGE);
      }
      await tx.update(inventoryLocations).set(parsed.data).where(eq(inventoryLocations.id, id));
      const { before: b, after: a } = diffValues(before, { ...before, ...parsed.data });
      await recordAudit(tx, { actorId, changeType: "location.update", entity: "location", entityId: id, before: b, after: a });
      return { ok: true as const };
    });
  } catch (error) {
    if (constraintOf(error) === "inventory_locations_no_cycle") return fail("location_cycle", CYCLE_MESSAGE);
    throw error;
  }
}

/** Only empty locations go: things and sub-locations must move out first, so nothing loses its place. */
export async function deleteLocation(db: Db, actorId: number, id: number): Promise<Result> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(inventoryLocations).where(eq(inventoryLocations.id, id)).for("update");
    if (!before) return fail("not_found", "This location does not exist.");
    const [child] = await tx.select({ id: inventoryLocations.id }).from(inventoryLocations).where(eq(inventoryLocations.parentId, id)).limit(1);
    const [thing] = await tx.select({ id: things.id }).from(things).where(eq(things.locationId, id)).limit(1);
    if (child || thing) return fail("location_not_empty", "This location still holds things or other locations.");
    await tx.delete(inventoryLocations).where(eq(inventoryLocations.id, id));
    await recordAudit(tx, { actorId, changeType: "location.delete", entity: "location", entityId: id, before });
    return { ok: true as const };
  });
}
