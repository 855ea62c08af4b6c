import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryLocations, things } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing/test-database";
import { createLocation } from "./locations";
import { inventoryTestDatabase } from "./test-setup";
import { createThing, getThingByNumber, moveThing, thingHistory, updateThing } from "./things";
import { constraintOf } from "../shared/db-errors";

let t: TestDatabase;
let ids: Record<string, number>;

beforeAll(async () => {
  ({ t, ids } = await inventoryTestDatabase());
});
afterAll(() => t?.close());

async function thing(name: string) {
  const r = await createThing(t.db, ids.admin!, { name });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("things", () => {
  it("numbers never change and are never handed out again", async () => {
    const a = await thing("Caliper");
    const error = await t.db.update(things).set({ number: 99_999 }).where(eq(things.id, a.id)).then(() => null, (e: unknown) => e);
    expect(constraintOf(error)).toBe("things_number_fixed");
    await t.db.delete(things).where(eq(things.id, a.id));
    const b = await thing("Caliper again");
    expect(b.number).toBeGreaterThan(a.number);
    expect(await getThingByNumber(t.db, a.number)).toBeNull();
    expect(await getThingByNumber(t.db, -1)).toBeNull();
  });

  it("edits record only what changed; a move is a move in the history", async () => {
    const r = await thing("Multimeter");
    const box = await createLocation(t.db, ids.admin!, { name: "Drawer 3" });
    if (!box.ok) throw new Error(box.message);
    expect(await updateThing(t.db, ids.admin!, r.id, { name: "Multimeter", description: "Fluke 87", value: "350.00" })).toEqual({ ok: true });
    expect(await moveThing(t.db, ids.admin!, r.id, box.id)).toEqual({ ok: true });
    const history = await thingHistory(t.db, r.id);
    expect(history.map((h) => h.changeType)).toEqual(["thing.move", "thing.update", "thing.create"]);
    expect(history[1]!.after).toEqual({ description: "Fluke 87", value: "350.00" });
    expect(history[0]!.after).toEqual({ locationId: box.id });
  });

  it("refuses bad input with a message per field, and members", async () => {
    const bad = await createThing(t.db, ids.admin!, { name: " ", purchaseDate: "2024-02-30", value: "-3", ownership: "on_loan_from_member" });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok) {
      expect(bad.message).toMatch(/name/);
      expect(bad.message).toMatch(/purchaseDate: not a real date/);
      expect(bad.message).toMatch(/value/);
    }
    expect(await createThing(t.db, ids.member!, { name: "Mine now" })).toMatchObject({ code: "forbidden" });
    expect(await moveThing(t.db, ids.admin!, 424242, null)).toMatchObject({ code: "not_found" });
  });
});

describe("concurrent location moves", () => {
  it("let at most one of two crossing moves through (X into Y, Y into X)", async () => {
    const x = await createLocation(t.db, ids.admin!, { name: "X" });
    const y = await createLocation(t.db, ids.admin!, { name: "Y" });
    if (!x.ok || !y.ok) throw new Error("setup");
    const move = (id: number, parentId: number) =>
      t.db.transaction(async (tx) => {
        await tx.update(inventoryLocations).set({ parentId }).where(eq(inventoryLocations.id, id));
      }).then(() => "ok", (e: unknown) => constraintOf(e));
    const outcomes = await Promise.all([move(x.id, y.id), move(y.id, x.id)]);
    expect(outcomes.sort()).toEqual(["inventory_locations_no_cycle", "ok"]);
  });
});
