import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { assignFunction, createCommittee, createFunction, listCommittees } from "./committee-service";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("the committees' holders", () => {
  it("are named as each person lets the viewer see the name: null ('#id') where it is shown only to the board", async () => {
    const committee = await createCommittee(t.db, t.ids.admin, { name: "Holders committee", description: "" });
    if (!committee.ok) throw new Error(committee.message);
    const fn = await createFunction(t.db, t.ids.admin, { committeeId: committee.committeeId, name: "Holders function", roleIds: [] });
    if (!fn.ok) throw new Error(fn.message);
    const held = await assignFunction(t.db, t.ids.admin, { functionId: fn.functionId, personId: t.ids.member, since: "2020-01-01" });
    if (!held.ok) throw new Error(held.message);
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.ids.member));
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.member));
    const holderName = async (viewerId: number) => {
      const all = await listCommittees(t.db, { personId: viewerId, permissions: await permissionsOfPerson(t.db, viewerId) });
      const holders = all.find((c) => c.id === committee.committeeId)!.functions.flatMap((f) => f.holders);
      expect(holders.map((h) => h.personId)).toEqual([t.ids.member]);
      return holders[0]!.name;
    };
    expect(await holderName(t.ids.maria)).toBeNull();
    expect(await holderName(t.ids.admin)).toBe(`${profile!.firstName} ${profile!.lastName}`);
  });
});
