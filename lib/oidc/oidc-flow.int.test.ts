import { eq } from "drizzle-orm";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { auditLog, membershipStatuses, oidcClients, oidcCodes, people } from "@/lib/db/schema";
import { rotateSigningKey } from "@/lib/domain/oidc/signing-keys";
import { pruneOidcGrants } from "@/lib/domain/oidc/tokens";
import { providerUnderTest } from "./testing/provider-under-test";
import { CALLBACK, insecure } from "./testing/relying-party";

// The provider's login flow as a relying party sees it (code flow, PKCE, consent, refresh, keys, retention). Logging
// in again (prompt, max_age): oidc-login-again.int.test.ts; clients and groups: oidc-clients-and-groups.int.test.ts;
// how such a login ends: oidc-logout.int.test.ts.
const t = providerUnderTest();
const { register, authorize, consent, login, userinfoStatus, tokenCall } = t;

describe("the space as an OpenID Connect provider", () => {
  it("names its saved public address as issuer, whatever Host the request claims", async () => {
    const doc = (await (await fetch(`${t.issuer}/.well-known/openid-configuration`, { headers: { host: "evil.example" } })).json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(t.issuer);
    expect(doc.token_endpoint).toBe(`${t.issuer}/oidc/token`);
    expect(doc.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("logs a member in through the code flow: consent once, a signed ID token, userinfo, then straight through", async () => {
    const client = await register();
    // The member ticks their email too (it is offered unticked: by default only the board sees it).
    const first = await login(t.f.ids.member, client, { fields: ["name", "email"] });
    expect(first.consented).toBe(true);
    // The ID token verifies against the published keys, for this client, from this issuer.
    const jwks = createRemoteJWKSet(new URL(t.as.jwks_uri!), insecure as never);
    const { payload } = await jwtVerify(first.tokens.id_token!, jwks, { issuer: t.issuer, audience: client.clientId });
    expect(payload.sub).toBe(String(t.f.ids.member));
    const info = await oauth.processUserInfoResponse(
      t.as,
      first.oc,
      String(t.f.ids.member),
      await oauth.userInfoRequest(t.as, first.oc, first.tokens.access_token, insecure),
    );
    expect(info).toMatchObject({ sub: String(t.f.ids.member), email: "member@makerspace.local", email_verified: true, locale: expect.any(String) });
    expect(info.name).toBeTruthy();
    expect(info.groups).toEqual(expect.arrayContaining(["status:member", "role:member"]));
    // Asked once per client: the second login goes straight back with a code.
    expect((await login(t.f.ids.member, client)).consented).toBe(false);
    const audited = await t.f.db.select().from(auditLog).where(eq(auditLog.changeType, "oidc.consent"));
    expect(audited.length).toBe(1);
  });

  it("shares name and email only with the scope and as the person's consent and visibility allow", async () => {
    const client = await register({ name: "Forum" });
    // Maria keeps her email for the board (the default): offered unticked; she leaves it so.
    t.loginAs(t.f.ids.maria);
    const step = await authorize({
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: "openid profile email",
      state: "s",
      code_challenge: "a".repeat(43),
      code_challenge_method: "S256",
    });
    expect(step.body).toMatchObject({ kind: "consent", fields: ["name"], offered: ["name", "email"] });
    const maria = await login(t.f.ids.maria, client, { scope: "openid profile email", fields: ["name"] });
    const info = (await (await fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${maria.tokens.access_token}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(info.name).toBe("Maria Huber");
    expect(info).not.toHaveProperty("email");
    expect(maria.claims).not.toHaveProperty("email");
    // Without the profile scope no name either, and no groups without that scope.
    const bare = await login(t.f.ids.member, await register({ name: "Bare" }), { scope: "openid" });
    expect(Object.keys(bare.claims).filter((k) => ["name", "email", "groups", "locale"].includes(k))).toEqual([]);
  });

  it("refreshes with rotation; a refresh token used twice ends the family", async () => {
    const client = await register({ name: "Cloud" });
    const { tokens, oc, auth } = await login(t.f.ids.member, client);
    const refreshed = await oauth.processRefreshTokenResponse(t.as, oc, await oauth.refreshTokenGrantRequest(t.as, oc, auth, tokens.refresh_token!, insecure));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(await userinfoStatus(refreshed.access_token)).toBe(200);
    // The admin takes groups away: earlier tokens stop revealing them, refreshed ones no longer carry the scope.
    await t.f.db
      .update(oidcClients)
      .set({ allowedScopes: ["openid", "profile", "email"] })
      .where(eq(oidcClients.clientId, client.clientId));
    const info = (await (await fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${refreshed.access_token}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(info).not.toHaveProperty("groups");
    const narrowed = await oauth.processRefreshTokenResponse(
      t.as,
      oc,
      await oauth.refreshTokenGrantRequest(t.as, oc, auth, refreshed.refresh_token!, insecure),
    );
    expect(narrowed.scope).toBe("openid profile email");
    const again = await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, [client.clientId, client.secret!]);
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await userinfoStatus(narrowed.access_token)).toBe(401);
  });

  it("refuses a reused code and revokes what its first use got", async () => {
    const client = await register({ name: "Reuse" });
    const { tokens, code, verifier } = await login(t.f.ids.member, client);
    const reused = await tokenCall({ grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier }, [
      client.clientId,
      client.secret!,
    ]);
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
  });

  /** A code for the member, not yet exchanged. */
  async function freshCode(client: { clientId: string }, extra: Record<string, string> = {}) {
    t.loginAs(t.f.ids.member);
    const verifier = oauth.generateRandomCodeVerifier();
    const query = {
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: "openid",
      state: "st",
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...extra,
    };
    let step = await authorize(query);
    if (step.body?.kind === "consent") step = { status: 302, location: await consent(query, "allow", []), body: null };
    return { code: new URL(step.location!).searchParams.get("code")!, verifier };
  }

  it("checks redirect addresses exactly: never redirects to an unregistered one, and the token request must repeat it", async () => {
    const client = await register({ name: "Exact" });
    t.loginAs(t.f.ids.member);
    for (const wrong of [`${CALLBACK}/`, `${CALLBACK}?x=1`, "https://evil.example/oidc/callback", CALLBACK.toUpperCase()]) {
      const step = await authorize({ client_id: client.clientId, redirect_uri: wrong, response_type: "code", scope: "openid", state: "s" });
      expect(step.status).toBe(400);
      expect(step.body).toMatchObject({ kind: "fatal", error: "invalid_redirect_uri" });
    }
    const { code, verifier } = await freshCode(client);
    const r = await tokenCall({ grant_type: "authorization_code", code, redirect_uri: "https://wiki.example/other", code_verifier: verifier }, [
      client.clientId,
      client.secret!,
    ]);
    expect(r).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("refuses a wrong client secret, a secret for a public client and an unknown client", async () => {
    const client = await register({ name: "Secret" });
    const { code, verifier } = await freshCode(client);
    const form = { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier };
    expect(await tokenCall(form, [client.clientId, "not-the-secret"])).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await tokenCall({ ...form, client_id: client.clientId, client_secret: "nope" })).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await tokenCall({ ...form, client_id: client.clientId })).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await tokenCall({ ...form, client_id: "ms-unknown" })).toMatchObject({ status: 401 });
    // The refused attempts did not use the code up: the right secret still works.
    expect((await tokenCall(form, [client.clientId, client.secret!])).status).toBe(200);
    const pub = await register({ name: "App", kind: "public" });
    expect(pub.secret).toBeNull();
    const p = await freshCode(pub);
    expect(
      await tokenCall({
        grant_type: "authorization_code",
        code: p.code,
        redirect_uri: CALLBACK,
        code_verifier: p.verifier,
        client_id: pub.clientId,
        client_secret: "x",
      }),
    ).toMatchObject({ status: 401 });
  });

  it("requires PKCE S256 of public clients and checks the verifier", async () => {
    const pub = await register({ name: "SPA", kind: "public" });
    t.loginAs(t.f.ids.member);
    const base = { client_id: pub.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "s1" };
    for (const q of [base, { ...base, code_challenge: "x".repeat(43), code_challenge_method: "plain" }, { ...base, code_challenge: "x".repeat(43) }]) {
      const step = await authorize(q);
      expect(step.status).toBe(302);
      expect(Object.fromEntries(new URL(step.location!).searchParams)).toMatchObject({ error: "invalid_request", state: "s1", iss: t.issuer });
    }
    const wrong = await freshCode(pub);
    expect(
      await tokenCall({
        grant_type: "authorization_code",
        code: wrong.code,
        redirect_uri: CALLBACK,
        code_verifier: oauth.generateRandomCodeVerifier(),
        client_id: pub.clientId,
      }),
    ).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const missing = await freshCode(pub);
    expect(await tokenCall({ grant_type: "authorization_code", code: missing.code, redirect_uri: CALLBACK, client_id: pub.clientId })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    const right = await freshCode(pub);
    expect(
      (await tokenCall({ grant_type: "authorization_code", code: right.code, redirect_uri: CALLBACK, code_verifier: right.verifier, client_id: pub.clientId }))
        .status,
    ).toBe(200);
  });

  it("refuses an expired code", async () => {
    const client = await register({ name: "Slow" });
    const { code, verifier } = await freshCode(client);
    await t.f.db.update(oidcCodes).set({ expiresAt: new Date(Date.now() - 1000) });
    const r = await tokenCall({ grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier }, [client.clientId, client.secret!]);
    expect(r).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "code expired" } });
  });

  it("lets in only the client's statuses and required permission; a suspended member is refused, a banned one everywhere at once", async () => {
    const [memberStatus] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const membersOnly = await register({ name: "Members wiki", allowedStatusIds: [memberStatus!.id] });
    const session = await login(t.f.ids.member, membersOnly);
    const [suspended] = await t.f.db.insert(membershipStatuses).values({ key: "suspended", name: "Suspended", mayLogIn: true }).returning();
    await t.f.db.update(people).set({ statusId: suspended!.id }).where(eq(people.id, t.f.ids.member));
    t.loginAs(t.f.ids.member);
    const q = {
      client_id: membersOnly.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: "openid",
      state: "s",
      code_challenge: "a".repeat(43),
      code_challenge_method: "S256",
    };
    const refused = await authorize(q);
    expect(refused.body).toMatchObject({ kind: "refused", reason: "status" });
    expect(new URL(refused.body!.cancel as string).searchParams.get("error")).toBe("access_denied");
    expect((await authorize({ ...q, prompt: "none" })).location).toContain("error=access_denied");
    expect(await userinfoStatus(session.tokens.access_token)).toBe(401);
    const stillFine = await register({ name: "Any status" });
    const other = await login(t.f.ids.member, stillFine);

    const [banned] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "banned"));
    await t.f.db.update(people).set({ statusId: banned!.id }).where(eq(people.id, t.f.ids.member));
    expect((await authorize({ ...q, client_id: stillFine.clientId })).body).toMatchObject({ kind: "refused", reason: "may_not_log_in" });
    expect(await userinfoStatus(other.tokens.access_token)).toBe(401);
    expect(
      (await tokenCall({ grant_type: "refresh_token", refresh_token: other.tokens.refresh_token! }, [stillFine.clientId, stillFine.secret!])).body,
    ).toMatchObject({ error: "invalid_grant" });
    await t.f.db.update(people).set({ statusId: memberStatus!.id }).where(eq(people.id, t.f.ids.member));

    const boardOnly = await register({ name: "Board wiki", requiredPermission: "members.read" });
    t.loginAs(t.f.ids.member);
    expect((await authorize({ ...q, client_id: boardOnly.clientId })).body).toMatchObject({ kind: "refused", reason: "permission" });
    expect((await login(t.f.ids.admin, boardOnly)).claims.sub).toBe(String(t.f.ids.admin));
  });

  it("sends nobody logged in to log in, and answers prompt=none without asking", async () => {
    const client = await register({ name: "Prompt" });
    t.loginAs(null);
    const q = { client_id: client.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "s" };
    expect((await authorize(q)).body).toMatchObject({ kind: "login" });
    expect((await authorize({ ...q, prompt: "none" })).location).toContain("error=login_required");
    t.loginAs(t.f.ids.trainer);
    expect((await authorize({ ...q, prompt: "none" })).location).toContain("error=consent_required");
    expect(await consent(q, "deny", [])).toContain("error=access_denied");
    // NUL characters (which PostgreSQL refuses in text) are a refusal, never a server error.
    expect((await authorize({ ...q, client_id: "ms-\u0000" })).status).toBe(400);
    expect((await authorize({ ...q, state: "a\u0000b" })).location).toContain("error=invalid_request");
    expect((await tokenCall({ grant_type: "authorization_code", code: "x", client_id: "a\u0000" })).status).toBe(401);
  });

  it("signs with a new key after rotation and keeps the old one published", async () => {
    const client = await register({ name: "Keys" });
    const before = decodeProtectedHeader((await login(t.f.ids.member, client)).tokens.id_token!).kid;
    const rotated = await rotateSigningKey(t.f.db, t.f.ids.admin);
    expect(rotated.ok).toBe(true);
    const after = decodeProtectedHeader((await login(t.f.ids.member, client)).tokens.id_token!).kid;
    expect(after).not.toBe(before);
    const jwks = (await (await fetch(`${t.issuer}/oidc/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([before, after]));
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    expect((await rotateSigningKey(t.f.db, t.f.ids.member)).ok).toBe(false);
  });
});

describe("the retention job", () => {
  it("drops codes and tokens a day after they expired, not before", async () => {
    const codes = async () => (await t.f.db.select().from(oidcCodes)).length;
    const before = await codes();
    expect(before).toBeGreaterThan(0);
    await pruneOidcGrants(t.f.db, new Date());
    expect(await codes()).toBe(before);
    expect(await pruneOidcGrants(t.f.db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(before);
    expect(await codes()).toBe(0);
  });
});
