import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryLocations, things } from "@/lib/db/schema";
import { createLocation } from "./locations";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createThing, getThingByNumber, moveThing, thingHistory, thingNumberBySlug, updateThing } from "./things";
import { constraintOf } from "../shared/db-errors";

let t: DemoDatabase;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
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
    const error = await t.db
      .update(things)
      .set({ number: 99_999 })
      .where(eq(things.id, a.id))
      .then(
        () => null,
        (e: unknown) => e,
      );
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
      t.db
        .transaction(async (tx) => {
          await tx.update(inventoryLocations).set({ parentId }).where(eq(inventoryLocations.id, id));
        })
        .then(
          () => "ok",
          (e: unknown) => constraintOf(e),
        );
    const outcomes = await Promise.all([move(x.id, y.id), move(y.id, x.id)]);
    expect(outcomes.sort()).toEqual(["inventory_locations_no_cycle", "ok"]);
  });
});

describe("readable addresses by name", () => {
  it("makes a unique slug from the name (namesakes -2, -3), keeps it through a rename, and finds the number by it", async () => {
    const first = await thing("Bench Drill (Bosch)");
    const second = await thing("Bench drill – Bosch");
    const third = await thing("bench drill bosch");
    const slugs = await Promise.all(
      [first, second, third].map(async (x) => (await t.db.select({ slug: things.slug }).from(things).where(eq(things.id, x.id)))[0]!.slug),
    );
    expect(slugs).toEqual(["bench-drill-bosch", "bench-drill-bosch-2", "bench-drill-bosch-3"]);
    expect(await thingNumberBySlug(t.db, "bench-drill-bosch-2")).toBe(second.number);
    // Stable: a rename keeps the address people may have written down.
    expect(await updateThing(t.db, ids.admin!, second.id, { name: "Pillar drill" })).toMatchObject({ ok: true });
    expect(await thingNumberBySlug(t.db, "bench-drill-bosch-2")).toBe(second.number);
    expect(await thingNumberBySlug(t.db, "pillar-drill")).toBeNull();
    // Names of digits or of other scripts still give an address that is not a number.
    const digits = await thing("2024");
    expect((await t.db.select({ slug: things.slug }).from(things).where(eq(things.id, digits.id)))[0]!.slug).toBe("thing-2024");
    for (const bad of ["", "Bench-Drill", "a%", "x".repeat(200)]) expect(await thingNumberBySlug(t.db, bad)).toBeNull();
  });
});
