import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, inventoryLocations } from "@/lib/db/schema";
import { createLocation, deleteLocation, locationAndDescendantIds, locationPath, updateLocation } from "./locations";
import { createThing } from "./things";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { constraintOf } from "../shared/db-errors";

let t: DemoDatabase;
let ids: Record<string, number>;
const loc: Record<string, number> = {};

async function make(name: string, kind: "room" | "shelf" | "box", parentId: number | null) {
  const r = await createLocation(t.db, ids.admin!, { name, kind, parentId });
  if (!r.ok) throw new Error(r.message);
  loc[name] = r.id;
}

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  await make("Workshop", "room", null);
  await make("Shelf A", "shelf", loc.Workshop!);
  await make("Box 1", "box", loc["Shelf A"]!);
  await make("Box 2", "box", loc["Box 1"]!);
});
afterAll(() => t?.close());

describe("location tree", () => {
  it("knows the path and everything below a location", async () => {
    expect((await locationPath(t.db, loc["Box 2"]!)).map((l) => l.name)).toEqual(["Workshop", "Shelf A", "Box 1", "Box 2"]);
    expect((await locationAndDescendantIds(t.db, loc["Shelf A"]!)).sort()).toEqual([loc["Shelf A"], loc["Box 1"], loc["Box 2"]].sort());
  });

  it("refuses a box inside itself or inside its own sub-box, with a clear message, changing nothing", async () => {
    const self = await updateLocation(t.db, ids.admin!, loc["Box 1"]!, { name: "Box 1", parentId: loc["Box 1"]! });
    expect(self).toMatchObject({ ok: false, code: "location_cycle" });
    if (!self.ok) expect(self.message).toMatch(/inside itself/);
    const below = await updateLocation(t.db, ids.admin!, loc["Shelf A"]!, { name: "Shelf A", kind: "shelf", parentId: loc["Box 2"]! });
    expect(below).toMatchObject({ ok: false, code: "location_cycle" });
    const [shelf] = await t.db.select().from(inventoryLocations).where(eq(inventoryLocations.id, loc["Shelf A"]!));
    expect(shelf!.parentId).toBe(loc.Workshop);
  });

  it("refuses a cycle in the database too, whoever writes", async () => {
    const refusedBy = (p: Promise<unknown>) =>
      p.then(
        () => "written",
        (e: unknown) => constraintOf(e),
      );
    expect(await refusedBy(t.db.update(inventoryLocations).set({ parentId: loc["Box 2"]! }).where(eq(inventoryLocations.id, loc.Workshop!)))).toBe(
      "inventory_locations_no_cycle",
    );
    expect(await refusedBy(t.db.execute(sql`update inventory_locations set parent_id = id where id = ${loc["Box 1"]!}`))).toBe("inventory_locations_no_cycle");
  });

  it("moves a box elsewhere and records the change", async () => {
    await make("Shelf B", "shelf", loc.Workshop!);
    expect(await updateLocation(t.db, ids.admin!, loc["Box 2"]!, { name: "Box 2", parentId: loc["Shelf B"]! })).toEqual({ ok: true });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "location.update"), eq(auditLog.entityId, String(loc["Box 2"]))));
    expect(entries[0]!.after).toEqual({ parentId: loc["Shelf B"] });
  });

  it("lets only inventory managers change the tree", async () => {
    expect(await createLocation(t.db, ids.member!, { name: "Mine" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("deletes only empty locations", async () => {
    expect(await deleteLocation(t.db, ids.admin!, loc["Shelf A"]!)).toMatchObject({ ok: false, code: "location_not_empty" });
    const thing = await createThing(t.db, ids.admin!, { name: "Drill", locationId: loc["Box 1"]! });
    expect(thing.ok).toBe(true);
    await make("Empty", "box", null);
    expect(await deleteLocation(t.db, ids.admin!, loc.Empty!)).toEqual({ ok: true });
  });
});
