import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { decideCardOnMachine } from "./machine-use-facts";

let t: DemoDatabase;
let laserId: number;
beforeAll(async () => {
  t = await createDemoDatabase();
  laserId = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
});
afterAll(() => t.close());

describe("decideCardOnMachine on the demo data", () => {
  it.each([
    ["efbeadde", { allowed: true, level: 1 }],
    ["EFBEADDE", { allowed: true, level: 1 }],
    ["b0000002", { allowed: true, level: 2 }],
    ["a0000001", { allowed: true, level: 3 }],
    ["c0000003", { allowed: false, reason: "not_trained" }],
    ["d0000004", { allowed: false, reason: "status_forbids" }],
    ["ffffffff", { allowed: false, reason: "unknown_card" }],
    ["not-a-uid", { allowed: false, reason: "unknown_card" }],
  ])("card %s on LASER 1", async (uid, expected) => {
    expect(await decideCardOnMachine(t.db, { uid, machineId: laserId })).toEqual(expected);
  });

  it("refuses everyone on a blocked machine", async () => {
    await t.db.update(machines).set({ blocked: true, blockedReason: "Lens broken" }).where(eq(machines.id, laserId));
    expect(await decideCardOnMachine(t.db, { uid: "a0000001", machineId: laserId })).toEqual({ allowed: false, reason: "machine_blocked" });
    await t.db.update(machines).set({ blocked: false }).where(eq(machines.id, laserId));
  });

  it("knows no unknown machine", async () => {
    expect(await decideCardOnMachine(t.db, { uid: "efbeadde", machineId: 999_999 })).toBeNull();
  });
});
