import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentAuthorizations, equipmentTypes, membershipStatuses, people, personRoles, roles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { ALL_PERMISSIONS } from "./permissions";
import { permissionsOfPerson } from "./person-permissions";

let t: DemoDatabase;
let ids: DemoDatabase["ids"];

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
});
afterAll(() => t?.close());

describe("permissionsOfPerson", () => {
  it("gives the admin role every permission", async () => {
    expect([...(await permissionsOfPerson(t.db, ids.admin!))].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("unites the person's roles with what the status grants", async () => {
    expect([...(await permissionsOfPerson(t.db, ids.trainer!))].sort()).toEqual(["directory.read", "training.run"]);
    expect([...(await permissionsOfPerson(t.db, ids.member!))]).toEqual(["directory.read"]);
    expect([...(await permissionsOfPerson(t.db, ids.applicant!))]).toEqual([]);
  });

  it("follows status changes and role grants at once", async () => {
    const [former] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    await t.db.update(people).set({ statusId: former!.id }).where(eq(people.id, ids.maria!));
    expect((await permissionsOfPerson(t.db, ids.maria!)).size).toBe(0);
    const [staff] = await t.db.select().from(roles).where(eq(roles.key, "staff"));
    await t.db.insert(personRoles).values({ personId: ids.maria!, roleId: staff!.id });
    expect(await permissionsOfPerson(t.db, ids.maria!)).toContain("members.read");
  });

  it("gives a current training on the system type every permission, one expired or revoked none", async () => {
    const [system] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.purpose, "system"));
    const now = new Date("2026-06-01T12:00:00Z");
    const [training] = await t.db
      .insert(equipmentAuthorizations)
      .values({ personId: ids.member!, equipmentTypeId: system!.id, level: "user", source: "grant", expiresAt: new Date("2026-06-01T13:00:00Z") })
      .returning();
    expect((await permissionsOfPerson(t.db, ids.member!, now)).size).toBe(ALL_PERMISSIONS.length);
    expect([...(await permissionsOfPerson(t.db, ids.member!, new Date("2026-06-01T13:00:00Z")))]).toEqual(["directory.read"]);
    await t.db.update(equipmentAuthorizations).set({ revokedAt: now }).where(eq(equipmentAuthorizations.id, training!.id));
    expect([...(await permissionsOfPerson(t.db, ids.member!, now))]).toEqual(["directory.read"]);
  });

  it("is empty for an unknown person", async () => {
    expect((await permissionsOfPerson(t.db, 999_999)).size).toBe(0);
  });
});
