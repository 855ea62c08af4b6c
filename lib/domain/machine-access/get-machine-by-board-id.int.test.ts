import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { machines } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { getMachineByBoardId } from "./get-machine-by-board-id";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t.close());

describe("getMachineByBoardId", () => {
  it("reads the machine a board controls with its type's board kind", async () => {
    const view = await getMachineByBoardId(t.db, 1);
    expect(view).toMatchObject({ boardId: 1, name: "LASER 1", blocked: false, autoLogoffMinutes: 480, graceMinutes: 2, boardKind: 2, overduePlans: [] });
  });

  it("reflects the blocked flag", async () => {
    await t.db.update(machines).set({ blocked: true }).where(eq(machines.boardId, 3));
    expect((await getMachineByBoardId(t.db, 3))?.blocked).toBe(true);
  });

  it("returns null for a board id no machine has", async () => {
    expect(await getMachineByBoardId(t.db, 999)).toBeNull();
  });
});
