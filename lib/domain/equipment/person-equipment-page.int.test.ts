import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { equipmentAuthorizations, membershipStatuses, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { grantPersonRole } from "../access/person-roles";
import { createRole } from "../access/role-admin";
import { FULL_SCOPE, viewRightKey, viewScopeOf } from "../access/view-rights";
import { createPerson } from "../people/create-person";
import { personEquipmentPage } from "./person-equipment-page";

// The page /admin/equipment/people/[id] shows only what personEquipmentPage hands it (name, records, types): these
// are the page's own data, not a loader beside it.
let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("a person's equipment page", () => {
  it("names the person as the viewer may see the name: '#id' where the person shows it only to the board", async () => {
    const viewer = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(t.db, personId), viewScope: FULL_SCOPE });
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.member));
    const full = `${profile!.firstName} ${profile!.lastName}`;
    expect(await personEquipmentPage(t.db, await viewer(t.ids.maria), t.ids.member)).toMatchObject({ name: full });
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.ids.member));
    expect(await personEquipmentPage(t.db, await viewer(t.ids.maria), t.ids.member)).toMatchObject({ name: `#${t.ids.member}` });
    expect(await personEquipmentPage(t.db, await viewer(t.ids.admin), t.ids.member)).toMatchObject({ name: full });
    expect(await personEquipmentPage(t.db, await viewer(t.ids.admin), 999_999)).toBeNull();
  });

  it("is not found for someone outside the viewer's view rights, and shows nothing of theirs; inside, their records", async () => {
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    // An equipment manager who sees members only.
    const role = await createRole(t.db, t.ids.admin, {
      name: "Members' equipment desk",
      permissions: ["equipment.manage", viewRightKey("status", member!.id)],
    });
    if (!role.ok) throw new Error(role.message);
    const desk = (await createPerson(t.db, { statusKey: "applicant", firstName: "Edda", lastName: "Desk", email: "edda@equipment.test" })).personId;
    expect(await grantPersonRole(t.db, t.ids.admin, desk, { roleId: role.roleId, since: "2020-01-01", until: null })).toEqual({ ok: true });
    const viewer = { personId: desk, permissions: await permissionsOfPerson(t.db, desk), viewScope: await viewScopeOf(t.db, desk) };
    expect(viewer.viewScope).toMatchObject({ all: false, statusIds: [member!.id] });

    const recordsOf = async (personId: number) =>
      (await t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, personId))).length;
    expect(await personEquipmentPage(t.db, viewer, t.ids.applicant)).toBeNull();
    const page = await personEquipmentPage(t.db, viewer, t.ids.member);
    expect(page?.records).toHaveLength(await recordsOf(t.ids.member));
    expect(page?.records.length).toBeGreaterThan(0);
    expect(page?.types.length).toBeGreaterThan(0);
  });
});
