import { afterAll, beforeAll, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { roomChoices } from "./room-choices";
import { deleteBookable, saveBookable } from "./rooms-resources";

let t: DemoDatabase;
let counted: CountingDb;
beforeAll(async () => {
  t = await createDemoDatabase();
  counted = countingDb(t.url);
});
afterAll(async () => {
  await counted?.close();
  await t?.close();
});

// As the database orders them (the demo rooms and these names compare alike in its collation and in JavaScript).
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const names = async () => (await roomChoices(counted.db)).map((r) => r.name);
/** The statements that read the rooms (the settings' version, checked at most once a second, is not one). */
const roomReads = () => counted.queries.filter((q) => /from "rooms"/.test(q));

it("keeps the calendar's rooms without asking again until a room is created, renamed or deleted", async () => {
  const before = await names();
  counted.reset();
  expect(await names()).toEqual(before);
  expect(roomReads()).toHaveLength(0);

  // Saved through another handle (as the web server's redirect port has its own): the save bumps the settings'
  // version, and this process's save has every handle check it at once.
  const saved = await saveBookable(t.db, t.ids.admin, "room", { name: "Aaa choice room" });
  if (!saved.ok) throw new Error(saved.code);
  expect(await names()).toEqual([...before, "Aaa choice room"].sort(byName));

  await saveBookable(t.db, t.ids.admin, "room", { name: "Zzz choice room" }, saved.id);
  expect(await names()).toEqual([...before, "Zzz choice room"].sort(byName));

  expect(await deleteBookable(t.db, t.ids.admin, "room", saved.id)).toEqual({ ok: true });
  expect(await names()).toEqual(before);

  // A resource is not a room: the list is kept.
  counted.reset();
  await saveBookable(t.db, t.ids.admin, "resource", { name: "Choice resource" });
  await names();
  expect(roomReads()).toHaveLength(0);
});
