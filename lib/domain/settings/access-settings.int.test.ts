import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { mayViewInventoryIn } from "@/lib/domain/inventory/access";
import { dashboardAccessIn } from "@/lib/domain/machines/dashboard-access";
import type { Permission } from "@/lib/domain/access/permissions";
import { getSpaceSettings, loadSpaceSettings } from "./space-settings";
import { settingsInputSchema, updateSpaceSettings } from "./update-settings";

// The two "who may look" choices are space settings: the access decisions read them from the database.
const SYSTEM = { personId: null, permissions: new Set<string>() };
const perms = (...p: string[]) => new Set(p as Permission[]);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function save(choices: { machinesDashboardPublic: boolean; inventoryMembersMayView: boolean }) {
  const current = await loadSpaceSettings(t.db);
  const input = settingsInputSchema.parse({
    ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)])),
    smtpPassword: "",
    clearSmtpPassword: false,
    ...choices,
  });
  await updateSpaceSettings(t.db, SYSTEM, input);
}

describe("access decisions follow the space settings", () => {
  it("before any save: the environment's first values (both open)", async () => {
    expect(await dashboardAccessIn(t.db, null)).toEqual({ allowed: true, showNames: false });
    expect(await mayViewInventoryIn(t.db, perms("directory.read"))).toBe(true);
  });

  it("members-only dashboard and no inventory for members once the admin says so", async () => {
    await save({ machinesDashboardPublic: false, inventoryMembersMayView: false });
    expect((await loadSpaceSettings(t.db)).machinesDashboardPublic).toBe(false);
    expect(await dashboardAccessIn(t.db, null)).toEqual({ allowed: false, showNames: false });
    expect(await dashboardAccessIn(t.db, { permissions: perms("directory.read") })).toEqual({ allowed: true, showNames: false });
    expect(await dashboardAccessIn(t.db, { permissions: perms("members.read") })).toEqual({ allowed: true, showNames: true });
    expect(await mayViewInventoryIn(t.db, perms("directory.read"))).toBe(false);
    expect(await mayViewInventoryIn(t.db, perms("inventory.write"))).toBe(true);
    expect(await mayViewInventoryIn(t.db, perms())).toBe(false);
  });

  it("opening both again takes effect at once", async () => {
    await save({ machinesDashboardPublic: true, inventoryMembersMayView: true });
    expect((await dashboardAccessIn(t.db, null)).allowed).toBe(true);
    expect(await mayViewInventoryIn(t.db, perms("directory.read"))).toBe(true);
    expect(await mayViewInventoryIn(t.db, perms())).toBe(false);
  });

  it("a save is seen at once through another handle in the same process (Next bundles pages and routes apart)", async () => {
    const other = createDb(t.url, { max: 1 });
    try {
      expect((await getSpaceSettings(other.db)).machinesDashboardPublic).toBe(true); // now cached for `other`
      await save({ machinesDashboardPublic: false, inventoryMembersMayView: true });
      expect((await getSpaceSettings(other.db)).machinesDashboardPublic).toBe(false);
      expect((await dashboardAccessIn(other.db, null)).allowed).toBe(false);
    } finally {
      await other.close();
    }
  });
});
