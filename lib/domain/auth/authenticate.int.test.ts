import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accounts, loginAttempts, membershipStatuses, people } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { authenticateWithPassword } from "./authenticate";

const PASSWORD = "demo-password-123";
const limits = { maxPerAccount: 3, maxPerIp: 5, windowMinutes: 15 };
let t: DemoDatabase;

beforeAll(async () => {
  t = await createDemoDatabase({ password: PASSWORD });
});
afterAll(() => t?.close());
beforeEach(() => t.db.delete(loginAttempts));

const login = (email: string, password: string, ip = "10.0.0.1") => authenticateWithPassword(t.db, { email, password, ip }, limits);

describe("authenticateWithPassword", () => {
  it("accepts the right password, case-insensitive email", async () => {
    const result = await login("  Member@Makerspace.local ", PASSWORD);
    expect(result).toMatchObject({ ok: true, personId: expect.any(Number) });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await login("member@makerspace.local", "wrong-password")).toMatchObject({ ok: false, code: "invalid" });
    expect(await login("nobody@makerspace.local", "wrong-password")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("limits failures per account from one network, even with the right password afterwards; elsewhere the owner logs in", async () => {
    for (let i = 0; i < 3; i++) await login("maria@makerspace.local", "wrong", "10.0.1.1");
    expect(await login("maria@makerspace.local", PASSWORD, "10.0.1.1")).toMatchObject({ ok: false, code: "rate_limited" });
    // Not a lock on the account: the owner elsewhere, and other accounts, are not affected.
    expect(await login("maria@makerspace.local", PASSWORD, "10.0.2.1")).toMatchObject({ ok: true });
    expect(await login("member@makerspace.local", PASSWORD, "10.0.1.1")).toMatchObject({ ok: true });
  });

  it("limits failures per IP across accounts", async () => {
    for (let i = 0; i < 5; i++) await login(`guess${i}@makerspace.local`, "wrong", "10.9.9.9");
    expect(await login("member@makerspace.local", PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await login("member@makerspace.local", PASSWORD, "10.9.9.8")).toMatchObject({ ok: true });
  });

  it("forgets old failures after the window", async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    await t.db.insert(loginAttempts).values([1, 2, 3].map(() => ({ email: "maria@makerspace.local", ip: "10.0.0.1", at: old })));
    expect(await login("maria@makerspace.local", PASSWORD)).toMatchObject({ ok: true });
  });

  it("clears the account's failures on success", async () => {
    await login("maria@makerspace.local", "wrong");
    await login("maria@makerspace.local", "wrong");
    expect(await login("maria@makerspace.local", PASSWORD)).toMatchObject({ ok: true });
    await login("maria@makerspace.local", "wrong");
    await login("maria@makerspace.local", "wrong");
    expect(await login("maria@makerspace.local", PASSWORD)).toMatchObject({ ok: true });
  });

  it("refuses disabled accounts and statuses that may not log in, but only with the right password", async () => {
    const [maria] = await t.db.select().from(accounts).where(eq(accounts.email, "maria@makerspace.local"));
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, maria!.id));
    expect(await login("maria@makerspace.local", PASSWORD)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await login("maria@makerspace.local", "wrong")).toMatchObject({ ok: false, code: "invalid" });
    await t.db.update(accounts).set({ disabled: false }).where(eq(accounts.id, maria!.id));

    const [former] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    await t.db.update(people).set({ statusId: former!.id }).where(eq(people.id, maria!.personId));
    expect(await login("maria@makerspace.local", PASSWORD)).toMatchObject({ ok: false, code: "not_allowed" });
    await t.db.update(people).set({ statusId: member!.id }).where(eq(people.id, maria!.personId));
  });
});
