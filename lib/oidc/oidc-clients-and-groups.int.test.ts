import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, oidcClients, personRoles, roles } from "@/lib/db/schema";
import { permissionsOfPerson } from "@/lib/domain/access/person-permissions";
import { claimsFor } from "@/lib/domain/oidc/claims";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcClientInput } from "@/lib/domain/oidc/client-input";
import { providerUnderTest } from "./testing/provider-under-test";

// What the provider keeps of other services and tells them: registering a client, and the groups claim.
const t = providerUnderTest();

describe("registering clients", () => {
  it("is for system admins, contained, validated, audited, and keeps only the secret's hash", async () => {
    const input: OidcClientInput = {
      name: "Nextcloud",
      kind: "confidential",
      redirectUris: ["https://cloud.example/apps/user_oidc/code"],
      allowedScopes: ["profile"],
    };
    expect(await createOidcClient(t.f.db, t.f.ids.member, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createOidcClient(t.f.db, t.f.ids.admin, { ...input, redirectUris: ["https://cloud.example/cb#frag"] })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "redirectUris",
    });
    expect(await createOidcClient(t.f.db, t.f.ids.admin, { ...input, redirectUris: ["javascript:alert(1)"] })).toMatchObject({ ok: false, code: "invalid" });
    const made = await createOidcClient(t.f.db, t.f.ids.admin, input);
    if (!made.ok) throw new Error(made.message);
    const [row] = await t.f.db.select().from(oidcClients).where(eq(oidcClients.id, made.id));
    expect(row!.allowedScopes).toEqual(["openid", "profile"]);
    expect(row!.secretHash).not.toContain(made.secret!);
    expect(JSON.stringify(await t.f.db.select().from(auditLog).where(eq(auditLog.changeType, "oidc_client.create")))).not.toContain(made.secret!);
  });
});

describe("groups for other services", () => {
  it("name the roles the person holds today, as their permissions do: a role that ended or has not begun is no group", async () => {
    const [staff] = await t.f.db.select().from(roles).where(eq(roles.key, "staff"));
    const groups = async () => (await claimsFor(t.f.db, t.f.ids.maria, ["openid", "groups"], [])).groups;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await t.f.db.insert(personRoles).values({ personId: t.f.ids.maria, roleId: staff!.id, since: day(-30), until: day(-2) });
    expect(await groups()).not.toContain("role:staff");
    expect(await permissionsOfPerson(t.f.db, t.f.ids.maria)).not.toContain("members.read");
    await t.f.db
      .update(personRoles)
      .set({ since: day(2), until: null })
      .where(eq(personRoles.personId, t.f.ids.maria));
    expect(await groups()).not.toContain("role:staff");
    await t.f.db
      .update(personRoles)
      .set({ since: day(-1) })
      .where(eq(personRoles.personId, t.f.ids.maria));
    expect(await groups()).toContain("role:staff");
    expect(await permissionsOfPerson(t.f.db, t.f.ids.maria)).toContain("members.read");
    await t.f.db.delete(personRoles).where(eq(personRoles.personId, t.f.ids.maria));
  });
});
