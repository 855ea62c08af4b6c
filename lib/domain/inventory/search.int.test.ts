import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory } from "./categories";
import { createLocation } from "./locations";
import { searchThings } from "./search";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createThing } from "./things";

let t: DemoDatabase;
let ids: Record<string, number>;
const loc: Record<string, number> = {};

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  const ok = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r as T & { ok: true };
  };
  loc.room = ok(await createLocation(t.db, ids.admin!, { name: "Electronics room", kind: "room" })).id;
  loc.shelf = ok(await createLocation(t.db, ids.admin!, { name: "Shelf E", kind: "shelf", parentId: loc.room })).id;
  loc.box = ok(await createLocation(t.db, ids.admin!, { name: "Box E1", parentId: loc.shelf })).id;
  loc.other = ok(await createLocation(t.db, ids.admin!, { name: "Wood shop", kind: "room" })).id;
  const tools = (loc.tools = ok(await createCategory(t.db, ids.admin!, "Tools")).id);
  await createThing(t.db, ids.admin!, {
    name: "Soldering station",
    description: "Weller WE1010, 70 W, temperature controlled",
    categoryId: tools,
    locationId: loc.box,
  });
  await createThing(t.db, ids.admin!, { name: "Oscilloscope", description: "Rigol DS1054Z four channel", locationId: loc.shelf });
  await createThing(t.db, ids.admin!, { name: "Bandsaw", description: "Cuts wood and soft metals", categoryId: tools, locationId: loc.other });
  await createThing(t.db, ids.admin!, {
    name: "Member's 3D printer",
    description: "Lent by Maria",
    ownership: "on_loan_from_member",
    lenderPersonId: ids.maria!,
    lenderUntil: "2027-06-30",
  });
});
afterAll(() => t?.close());

const names = (r: { rows: { name: string }[] }) => r.rows.map((x) => x.name).sort();

describe("searchThings", () => {
  it("finds words in names and descriptions with PostgreSQL text search", async () => {
    expect(names(await searchThings(t.db, { query: "weller" }))).toEqual(["Soldering station"]);
    expect(names(await searchThings(t.db, { query: "wood" }))).toEqual(["Bandsaw"]);
    expect(names(await searchThings(t.db, { query: "channel rigol" }))).toEqual(["Oscilloscope"]);
    expect(names(await searchThings(t.db, { query: "wood -metals" }))).toEqual([]);
    expect(names(await searchThings(t.db, { query: '"four channel"' }))).toEqual(["Oscilloscope"]);
  });

  it("also matches part of a name, and survives odd input", async () => {
    expect(names(await searchThings(t.db, { query: "solder" }))).toEqual(["Soldering station"]);
    expect((await searchThings(t.db, { query: "%_\\'\" & | !" })).rows).toEqual([]);
  });

  it("browses by category and by location including everything below it", async () => {
    expect(names(await searchThings(t.db, { categoryId: loc.tools }))).toEqual(["Bandsaw", "Soldering station"]);
    expect((await searchThings(t.db, {})).total).toBe(4);
    expect(names(await searchThings(t.db, { locationId: loc.room }))).toEqual(["Oscilloscope", "Soldering station"]);
    expect(names(await searchThings(t.db, { locationId: loc.box }))).toEqual(["Soldering station"]);
  });

  it("lists things lent to the space by members with their return dates", async () => {
    const r = await searchThings(t.db, { onLoanFromMembers: true });
    expect(r.rows.map((x) => [x.name, x.lenderPersonId, x.lenderUntil])).toEqual([["Member's 3D printer", ids.maria, "2027-06-30"]]);
  });
});
