import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { membershipStatuses, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { grantPersonRole } from "../access/person-roles";
import { createRole } from "../access/role-admin";
import { viewRightKey, viewScopeOf } from "../access/view-rights";
import { createPerson } from "./create-person";
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

  it("are named only within the viewer's view rights: a holder outside them is null ('#id') to a people admin", async () => {
    const committee = await createCommittee(t.db, t.ids.admin, { name: "Scoped committee", description: "" });
    if (!committee.ok) throw new Error(committee.message);
    const fn = await createFunction(t.db, t.ids.admin, { committeeId: committee.committeeId, name: "Scoped function", roleIds: [] });
    if (!fn.ok) throw new Error(fn.message);
    for (const personId of [t.ids.member, t.ids.applicant]) {
      const held = await assignFunction(t.db, t.ids.admin, { functionId: fn.functionId, personId, since: "2020-01-01" });
      if (!held.ok) throw new Error(held.message);
    }
    // A people admin (every name inside their groups) who sees members only; the applicant shows the name to members.
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const role = await createRole(t.db, t.ids.admin, { name: "Member name desk", permissions: ["members.read", viewRightKey("status", member!.id)] });
    if (!role.ok) throw new Error(role.message);
    const desk = (await createPerson(t.db, { statusKey: "applicant", firstName: "Nora", lastName: "Desk", email: "nora@holders.test" })).personId;
    expect(await grantPersonRole(t.db, t.ids.admin, desk, { roleId: role.roleId, since: "2020-01-01", until: null })).toEqual({ ok: true });
    const names = async (viewerId: number, withScope: boolean) => {
      const viewer = { personId: viewerId, permissions: await permissionsOfPerson(t.db, viewerId) };
      const all = await listCommittees(t.db, withScope ? { ...viewer, viewScope: await viewScopeOf(t.db, viewerId) } : viewer);
      const holders = all.find((c) => c.id === committee.committeeId)!.functions.flatMap((f) => f.holders);
      return Object.fromEntries(holders.map((h) => [h.personId, h.name]));
    };
    const nameOf = async (personId: number) => {
      const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, personId));
      return `${p!.firstName} ${p!.lastName}`;
    };
    // The member shows the name only to the board (the first case): a people admin who sees members sees it.
    const expected = { [t.ids.member]: await nameOf(t.ids.member), [t.ids.applicant]: null };
    expect(await names(desk, true)).toEqual(expected);
    // The viewer's scope read by listCommittees itself when the caller has none at hand.
    expect(await names(desk, false)).toEqual(expected);
    expect(await names(t.ids.admin, true)).toEqual({ ...expected, [t.ids.applicant]: await nameOf(t.ids.applicant) });
  });
});
