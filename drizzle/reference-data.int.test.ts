import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { TestDatabase } from "@/lib/db/testing/test-database";
import { countedTestDatabase, type CountingDb } from "@/lib/db/testing/query-counter";
import { addressTypes, committees, membershipStatuses, permissions, rolePermissions, roles } from "@/lib/db/schema";
import { PERMISSIONS } from "@/lib/domain/access/permissions";
import { viewRightKey } from "@/lib/domain/access/view-rights";
import { ensureReferenceData } from "./reference-data";

// At a start with everything in place ensureReferenceData sends one statement; whatever is missing or stale is
// still put right.
let database: TestDatabase;
let counting: CountingDb;

beforeAll(async () => {
  ({ database, counting } = await countedTestDatabase());
});

afterAll(async () => {
  await counting.close();
  await database.close();
});

async function sentBy(run: () => Promise<void>): Promise<number> {
  counting.reset();
  await run();
  return counting.queries.length;
}

const description = async (key: string) => (await database.db.select({ d: permissions.description }).from(permissions).where(eq(permissions.key, key)))[0]?.d;

describe("ensureReferenceData", () => {
  it("adds everything to a new database, then sends one statement while all is in place", async () => {
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await database.db.$count(roles, eq(roles.key, "admin"))).toBe(1);
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBe(1);
  });

  it("puts a permission's changed description back", async () => {
    const [key, wanted] = Object.entries(PERMISSIONS)[0]!;
    await database.db.update(permissions).set({ description: "old words" }).where(eq(permissions.key, key));
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await description(key)).toBe(wanted);
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBe(1);
  });

  it("gives the admin role a permission it lost", async () => {
    const [admin] = await database.db.select({ id: roles.id }).from(roles).where(eq(roles.key, "admin"));
    const key = Object.keys(PERMISSIONS).at(-1)!;
    await database.db.delete(rolePermissions).where(and(eq(rolePermissions.roleId, admin!.id), eq(rolePermissions.permissionKey, key)));
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await database.db.$count(rolePermissions, and(eq(rolePermissions.roleId, admin!.id), eq(rolePermissions.permissionKey, key)))).toBe(1);
  });

  it("adds a deleted built-in role and status, and address types when none are left", async () => {
    await database.db.delete(roles).where(eq(roles.key, "member"));
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await database.db.$count(roles, eq(roles.key, "member"))).toBe(1);
    const [status] = await database.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
    await database.db.delete(membershipStatuses).where(eq(membershipStatuses.id, status!.id));
    await database.db.delete(addressTypes);
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await database.db.$count(membershipStatuses, eq(membershipStatuses.key, "applicant"))).toBe(1);
    expect(await database.db.$count(permissions, eq(permissions.key, viewRightKey("status", status!.id)))).toBe(0);
    expect(await database.db.$count(addressTypes)).toBeGreaterThan(0);
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBe(1);
  });

  it("makes the view rights match the committees and statuses", async () => {
    const [committee] = await database.db.insert(committees).values({ name: "Workshop" }).returning();
    const key = viewRightKey("committee", committee!.id);
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await description(key)).toBe('See members of committee "Workshop"');

    await database.db.update(committees).set({ name: "Wood shop" }).where(eq(committees.id, committee!.id));
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await description(key)).toBe('See members of committee "Wood shop"');

    await database.db.insert(permissions).values({ key: viewRightKey("committee", 999_999), description: "a group long gone" });
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBeGreaterThan(1);
    expect(await description(viewRightKey("committee", 999_999))).toBeUndefined();
    expect(await sentBy(() => ensureReferenceData(counting.db))).toBe(1);
  });
});
