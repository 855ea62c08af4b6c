import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { setPreferredLanguage } from "../people/preferred-language";
import { viewScopeOf } from "../access/view-rights";
import { getSessionPerson } from "./session-person";

let t: DemoDatabase;
let admin = 0;

beforeAll(async () => {
  t = await createDemoDatabase();
  const [acc] = await t.db.select().from(accounts).where(eq(accounts.email, "admin@makerspace.local"));
  admin = acc!.personId;
});
afterAll(() => t?.close());

describe("getSessionPerson", () => {
  it("gives name, language and permissions of a person who may log in", async () => {
    const person = await getSessionPerson(t.db, admin);
    expect(person).toMatchObject({ personId: admin, displayName: "Ada Admin", email: "admin@makerspace.local", preferredLanguage: "en" });
    expect(person!.permissions).toContain("members.read");
  });

  it("carries whose groups the person may see, as viewScopeOf reads it (the people pages use it, no second read)", async () => {
    expect((await getSessionPerson(t.db, admin))!.viewScope).toEqual({ ...(await viewScopeOf(t.db, admin)), all: true });
    const member = t.ids.member;
    const scope = (await getSessionPerson(t.db, member))!.viewScope;
    expect(scope).toEqual(await viewScopeOf(t.db, member));
    expect(scope).toMatchObject({ all: false, viewerId: member });
  });

  it("ends the session of a disabled account at once", async () => {
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.personId, admin));
    expect(await getSessionPerson(t.db, admin)).toBeNull();
    await t.db.update(accounts).set({ disabled: false }).where(eq(accounts.personId, admin));
  });

  it("is null for people without an account", async () => {
    expect(await getSessionPerson(t.db, 999_999)).toBeNull();
  });
});

describe("setPreferredLanguage", () => {
  it("stores supported languages only", async () => {
    expect(await setPreferredLanguage(t.db, admin, "de")).toBe(true);
    expect(await setPreferredLanguage(t.db, admin, "xx")).toBe(false);
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, admin));
    expect(profile!.preferredLanguage).toBe("de");
  });
});
