import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { FULL_SCOPE } from "../access/view-rights";
import { personEquipmentSubject } from "./person-equipment-subject";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("the person an equipment page is about", () => {
  it("is named as the viewer may see the name: '#id' where the person shows it only to the board", async () => {
    const viewer = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(t.db, personId), viewScope: FULL_SCOPE });
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.member));
    const full = `${profile!.firstName} ${profile!.lastName}`;
    expect(await personEquipmentSubject(t.db, await viewer(t.ids.maria), t.ids.member)).toEqual({ name: full });
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.ids.member));
    expect(await personEquipmentSubject(t.db, await viewer(t.ids.maria), t.ids.member)).toEqual({ name: `#${t.ids.member}` });
    expect(await personEquipmentSubject(t.db, await viewer(t.ids.admin), t.ids.member)).toEqual({ name: full });
    expect(await personEquipmentSubject(t.db, await viewer(t.ids.admin), 999_999)).toBeNull();
  });
});
