import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, membershipStatuses, people, personRoles, roles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { authenticateApiToken } from "./authenticate";
import { createService, setServiceEnabled } from "./services";
import { createPersonalToken, createServiceToken, listPersonalTokens, listServiceTokens, revokeToken } from "./tokens";

let f: DemoDatabase;
beforeAll(async () => {
  f = await createDemoDatabase();
});
afterAll(() => f?.close());

const limit = { limitPerWindow: 100 };
const day = 86_400_000;

async function setStatus(personId: number, key: string) {
  const [status] = await f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, key));
  await f.db.update(people).set({ statusId: status!.id }).where(eq(people.id, personId));
}

async function roleId(key: string) {
  return (await f.db.select().from(roles).where(eq(roles.key, key)))[0]!.id;
}

describe("personal access tokens", () => {
  it("are shown once, stored hashed, and speak for their owner with the scopes in effect", async () => {
    const created = await createPersonalToken(f.db, f.ids.member, { name: "door display", scopes: ["read:people", "read:events"], expiresInDays: 30 });
    if (!created.ok) throw new Error(created.message);
    expect(created.token).toMatch(/^msk_[A-Za-z0-9_-]{43}$/);
    const [row] = await f.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).not.toContain(created.token.slice(4));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const check = await authenticateApiToken(f.db, created.token, { ...limit, ip: "192.0.2.7" });
    if (!check.ok) throw new Error(check.reason);
    expect(check.principal).toMatchObject({ kind: "person", personId: f.ids.member, effective: ["read:events", "read:people"] });
    expect(check.principal.held.has("directory.read")).toBe(true);
    const [listed] = await listPersonalTokens(f.db, f.ids.member);
    expect(listed).toMatchObject({ name: "door display", idleScopes: [], lastUsedIp: "192.0.2.7" });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses scopes the owner does not hold, bad names and lifetimes", async () => {
    expect(await createPersonalToken(f.db, f.ids.member, { name: "x", scopes: ["write:open-status"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "scope_not_held",
    });
    expect(await createPersonalToken(f.db, f.ids.member, { name: "x", scopes: ["read:everything"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "scopes",
    });
    expect(await createPersonalToken(f.db, f.ids.member, { name: " ", scopes: ["read:people"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "name",
    });
    expect(await createPersonalToken(f.db, f.ids.member, { name: "x", scopes: ["read:people"], expiresInDays: 400 })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "expiresInDays",
    });
    // An applicant is not in the directory: no read:people for them.
    expect(await createPersonalToken(f.db, f.ids.applicant, { name: "x", scopes: ["read:people"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "scope_not_held",
    });
  });

  it("stop working when expired or revoked, and only the owner or an admin revokes", async () => {
    const now = new Date();
    const created = await createPersonalToken(f.db, f.ids.maria, { name: "short", scopes: ["read:events"], expiresInDays: 1 }, now);
    if (!created.ok) throw new Error(created.message);
    expect((await authenticateApiToken(f.db, created.token, { ...limit, now: new Date(now.getTime() + day - 1000) })).ok).toBe(true);
    expect(await authenticateApiToken(f.db, created.token, { ...limit, now: new Date(now.getTime() + day + 1000) })).toEqual({ ok: false, reason: "expired" });

    const other = await createPersonalToken(f.db, f.ids.maria, { name: "revoke me", scopes: ["read:events"], expiresInDays: 30 });
    if (!other.ok) throw new Error(other.message);
    expect(await revokeToken(f.db, f.ids.member, other.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeToken(f.db, f.ids.maria, other.id)).toEqual({ ok: true });
    expect(await authenticateApiToken(f.db, other.token, limit)).toEqual({ ok: false, reason: "revoked" });
    expect(await revokeToken(f.db, f.ids.admin, other.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await authenticateApiToken(f.db, "msk_unknown", limit)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateApiToken(f.db, "Bearer nonsense", limit)).toEqual({ ok: false, reason: "invalid" });
  });

  it("never exceed the owner: a lost permission is lost to the token, a banned owner's token stops", async () => {
    const created = await createPersonalToken(f.db, f.ids.trainer, { name: "bot", scopes: ["read:people", "read:events"], expiresInDays: 30 });
    if (!created.ok) throw new Error(created.message);
    const before = await authenticateApiToken(f.db, created.token, limit);
    expect(before.ok && before.principal.effective).toEqual(["read:events", "read:people"]);

    // The trainer role and the member status both grant directory.read; take both away.
    await f.db.delete(personRoles).where(eq(personRoles.personId, f.ids.trainer));
    await setStatus(f.ids.trainer, "applicant");
    const after = await authenticateApiToken(f.db, created.token, limit);
    expect(after.ok && after.principal.effective).toEqual(["read:events"]);
    expect(after.ok && after.principal.held.has("directory.read")).toBe(false);
    expect((await listPersonalTokens(f.db, f.ids.trainer))[0]!.idleScopes).toEqual(["read:people"]);

    await setStatus(f.ids.trainer, "banned");
    expect(await authenticateApiToken(f.db, created.token, limit)).toEqual({ ok: false, reason: "owner_inactive" });
    await setStatus(f.ids.trainer, "member");
    await f.db.insert(personRoles).values({ personId: f.ids.trainer, roleId: await roleId("trainer") });
  });

  it("are rate limited per token with a window shared through the database", async () => {
    const created = await createPersonalToken(f.db, f.ids.maria, { name: "busy", scopes: ["read:events"], expiresInDays: 30 });
    if (!created.ok) throw new Error(created.message);
    const start = new Date();
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    for (let i = 0; i < 3; i++) expect((await authenticateApiToken(f.db, created.token, { limitPerWindow: 3, now: at(i) })).ok).toBe(true);
    const refused = await authenticateApiToken(f.db, created.token, { limitPerWindow: 3, now: at(10) });
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited", retryAfterSeconds: 50, rate: { limit: 3, remaining: 0 } });
    // A new window opens a minute after the first request of the last one.
    const later = await authenticateApiToken(f.db, created.token, { limitPerWindow: 3, now: at(61) });
    expect(later).toMatchObject({ ok: true, rate: { remaining: 2 } });
  });
});

describe("service tokens", () => {
  it("hold at most what the service was given and what its sponsor holds today", async () => {
    expect(await createService(f.db, f.ids.member, { name: "bot", permissions: ["directory.read"] })).toMatchObject({ ok: false, code: "forbidden" });
    const service = await createService(f.db, f.ids.admin, {
      name: "Door display",
      description: "Hallway screen",
      permissions: ["directory.read", "space.open"],
    });
    if (!service.ok) throw new Error(service.message);
    expect(await createService(f.db, f.ids.admin, { name: "Door display", permissions: [] })).toMatchObject({ ok: false, code: "duplicate_name" });

    // members.read was not given to the service: a scope needing it cannot be had, whatever the admin holds.
    expect(
      await createServiceToken(f.db, f.ids.admin, service.id, { name: "t", scopes: ["read:inventory", "write:open-status"], expiresInDays: 30 }),
    ).toMatchObject({ ok: true });
    const token = await createServiceToken(f.db, f.ids.admin, service.id, { name: "screen", scopes: ["read:people", "write:open-status"], expiresInDays: 90 });
    if (!token.ok) throw new Error(token.message);
    expect(await createServiceToken(f.db, f.ids.member, service.id, { name: "t", scopes: ["read:people"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "forbidden",
    });

    const check = await authenticateApiToken(f.db, token.token, limit);
    if (!check.ok) throw new Error(check.reason);
    expect(check.principal).toMatchObject({ kind: "service", personId: null, serviceId: service.id, name: "Door display" });
    expect([...check.principal.held].sort()).toEqual(["directory.read", "space.open"]);

    // The sponsor is banned: the service has nothing until another admin takes it over.
    await setStatus(f.ids.admin, "banned");
    expect(await authenticateApiToken(f.db, token.token, limit)).toEqual({ ok: false, reason: "owner_inactive" });
    await setStatus(f.ids.admin, "member");
    expect((await authenticateApiToken(f.db, token.token, limit)).ok).toBe(true);

    expect(await setServiceEnabled(f.db, f.ids.admin, service.id, false)).toEqual({ ok: true });
    expect(await authenticateApiToken(f.db, token.token, limit)).toEqual({ ok: false, reason: "owner_inactive" });
    expect(await createServiceToken(f.db, f.ids.admin, service.id, { name: "t", scopes: ["read:people"], expiresInDays: 30 })).toMatchObject({
      ok: false,
      code: "disabled",
    });
    expect(await setServiceEnabled(f.db, f.ids.admin, service.id, true)).toEqual({ ok: true });
    expect((await listServiceTokens(f.db, service.id)).map((t) => t.name)).toEqual(["screen", "t"]);
  });
});
