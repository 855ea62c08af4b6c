import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionsOfPerson } from "@/lib/domain/access/person-permissions";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { expectPgError } from "@/lib/db/testing/pg-error";
import {
  addresses,
  addressHolders,
  addressTypes,
  committeeFunctions,
  committees,
  functionHolders,
  functionRoles,
  memberships,
  membershipTypes,
  roles,
} from "./index";

let t: DemoDatabase;
let home = 0;
beforeAll(async () => {
  t = await createDemoDatabase();
  const [row] = await t.db.select().from(addressTypes).where(eq(addressTypes.key, "home"));
  home = row!.id;
});
afterAll(() => t?.close());

async function newAddress(city: string) {
  const [a] = await t.db.insert(addresses).values({ street: "Main St 1", city }).returning();
  return a!.id;
}

describe("main address, enforced by the database", () => {
  it("refuses a second main address (unique index)", async () => {
    const a = await newAddress("Vienna");
    const b = await newAddress("Graz");
    await t.db.insert(addressHolders).values({ addressId: a, personId: t.ids.member, typeId: home, isMain: true });
    const error = await expectPgError(() => t.db.insert(addressHolders).values({ addressId: b, personId: t.ids.member, typeId: home, isMain: true }));
    expect(error).toMatchObject({ code: "23505", constraint_name: "address_holders_one_main_idx" });
  });

  it("refuses addresses without a main one (deferred trigger, checked at commit)", async () => {
    const a = await newAddress("Linz");
    const error = await expectPgError(() => t.db.insert(addressHolders).values({ addressId: a, personId: t.ids.maria, typeId: home, isMain: false }));
    expect(error).toMatchObject({ code: "23514", constraint_name: "address_holders_exactly_one_main" });
    expect(await t.db.select().from(addressHolders).where(eq(addressHolders.personId, t.ids.maria))).toEqual([]);
  });

  it("lets a transaction swap the main address", async () => {
    const a = await newAddress("Salzburg");
    const b = await newAddress("Innsbruck");
    await t.db.transaction(async (tx) => {
      await tx.insert(addressHolders).values({ addressId: a, personId: t.ids.trainer, typeId: home, isMain: true });
      await tx.insert(addressHolders).values({ addressId: b, personId: t.ids.trainer, typeId: home, isMain: false });
    });
    await t.db.transaction(async (tx) => {
      await tx.update(addressHolders).set({ isMain: false }).where(eq(addressHolders.addressId, a));
      await tx.update(addressHolders).set({ isMain: true }).where(eq(addressHolders.addressId, b));
    });
    const rows = await t.db.select().from(addressHolders).where(eq(addressHolders.personId, t.ids.trainer));
    expect(rows.filter((r) => r.isMain).map((r) => r.addressId)).toEqual([b]);
  });
});

describe("date ranges", () => {
  it("refuses a membership ending before it starts", async () => {
    const [type] = await t.db.select().from(membershipTypes).limit(1);
    const error = await expectPgError(() =>
      t.db.insert(memberships).values({ personId: t.ids.member, typeId: type!.id, validFrom: "2025-02-01", validUntil: "2025-01-31" }),
    );
    expect(error).toMatchObject({ code: "23514", constraint_name: "memberships_range" });
  });
});

describe("committee functions grant roles", () => {
  it("gives the holder the function's roles while they hold it", async () => {
    const [board] = await t.db.insert(committees).values({ name: "Board" }).returning();
    const [chair] = await t.db.insert(committeeFunctions).values({ committeeId: board!.id, name: "Chair" }).returning();
    const [staff] = await t.db.select().from(roles).where(eq(roles.key, "staff"));
    await t.db.insert(functionRoles).values({ functionId: chair!.id, roleId: staff!.id });
    await t.db.insert(functionHolders).values({ functionId: chair!.id, personId: t.ids.maria, since: "2025-01-01", until: "2025-12-31" });
    expect(await permissionsOfPerson(t.db, t.ids.maria, new Date("2025-06-01T12:00:00Z"))).toContain("members.write");
    expect(await permissionsOfPerson(t.db, t.ids.maria, new Date("2026-01-02T12:00:00Z"))).not.toContain("members.write");
    expect(await permissionsOfPerson(t.db, t.ids.maria, new Date("2024-12-30T12:00:00Z"))).not.toContain("members.write");
  });
});
