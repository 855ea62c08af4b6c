import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committees } from "@/lib/db/schema";
import { assignFunction, createCommittee, createFunction } from "./committee-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("committees", () => {
  it("refuses a duplicate name and an invalid date range by field", async () => {
    expect(await createCommittee(t.db, t.ids.admin, { name: "Board" })).toMatchObject({ ok: true });
    expect(await createCommittee(t.db, t.ids.admin, { name: "Board" })).toMatchObject({ ok: false, code: "duplicate_name", field: "name" });
    const [board] = await t.db.select().from(committees).where(eq(committees.name, "Board"));
    const f = await createFunction(t.db, t.ids.admin, { committeeId: board!.id, name: "Chair" });
    if (!f.ok) throw new Error(f.message);
    expect(
      await assignFunction(t.db, t.ids.admin, { functionId: f.functionId, personId: t.ids.maria, since: "2025-05-01", until: "2025-04-01" }),
    ).toMatchObject({ ok: false, code: "date_range", field: "until" });
  });
});
