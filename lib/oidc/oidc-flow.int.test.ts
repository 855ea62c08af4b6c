import { eq } from "drizzle-orm";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { auditLog, membershipStatuses, oidcClients, oidcCodes, people, personRoles, roles } from "@/lib/db/schema";
import { permissionsOfPerson } from "@/lib/domain/access/person-permissions";
import { claimsFor } from "@/lib/domain/oidc/claims";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcClientInput } from "@/lib/domain/oidc/client-input";
import { rotateSigningKey } from "@/lib/domain/oidc/signing-keys";
import { pruneOidcGrants } from "@/lib/domain/oidc/tokens";
import { providerUnderTest } from "./testing/provider-under-test";
import { CALLBACK, insecure } from "./testing/relying-party";

// The provider's login flow as a relying party sees it (code flow, PKCE, consent, refresh, prompt and max_age, keys,
// retention, client registration). How such a login ends: oidc-logout.int.test.ts.
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

describe("logging in again: prompt=login and max_age (OIDC Core §3.1.2.1)", () => {
  /** An authorization request as a relying party builds it, the answer, and how to finish it with the client library. */
  async function start(client: { clientId: string; secret: string | null }, extra: Record<string, string>) {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const query = {
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: "openid",
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...extra,
    };
    const step = await authorize(query);
    const finish = async (location: string, maxAge?: number) => {
      const oc: oauth.Client = { client_id: client.clientId };
      const params = oauth.validateAuthResponse(t.as, oc, new URL(location), state);
      const response = await oauth.authorizationCodeGrantRequest(t.as, oc, oauth.ClientSecretBasic(client.secret!), params, CALLBACK, verifier, insecure);
      const tokens = await oauth.processAuthorizationCodeResponse(t.as, oc, response, {
        expectedNonce: nonce,
        requireIdToken: true,
        ...(maxAge === undefined ? {} : { maxAge }),
      });
      return oauth.getValidatedIdTokenClaims(tokens)!;
    };
    return { step, finish };
  }
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

  it("sends a logged-in person to log in again, comes back without asking twice, and signs the real login time as auth_time", async () => {
    const client = await register({ name: "Fresh" });
    await login(t.f.ids.member, client, { scope: "openid" });
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    t.loginAs(t.f.ids.member, tenMinutesAgo);

    // Young enough for max_age: straight back, and the ID token says when the member really logged in.
    const young = await start(client, { max_age: "3600" });
    expect(young.step.status).toBe(302);
    expect((await young.finish(young.step.location!, 3600)).auth_time).toBe(seconds(tenMinutesAgo));

    // prompt=login, or a login older than max_age: the login form first; it returns to the same request without them.
    const asks: Record<string, string>[] = [{ prompt: "login" }, { max_age: "300" }, { prompt: "login consent", max_age: "0" }];
    for (const extra of asks) {
      const old = await start(client, extra);
      expect(old.step.body).toMatchObject({ kind: "login", again: true });
      const back = new URL(old.step.body!.returnTo as string, t.issuer);
      expect(back.searchParams.has("max_age")).toBe(false);
      expect(back.searchParams.get("prompt") ?? "").not.toContain("login");
      expect(back.searchParams.get("client_id")).toBe(client.clientId);
      // Logged in again: the same request goes through, with a fresh auth_time.
      const loggedIn = new Date();
      t.loginAs(t.f.ids.member, loggedIn);
      let again = await authorize(Object.fromEntries(back.searchParams));
      if (again.body?.kind === "consent") again = { status: 302, location: await consent(Object.fromEntries(back.searchParams), "allow", []), body: null };
      expect(again.status, JSON.stringify(again.body)).toBe(302);
      expect((await old.finish(again.location!, 300)).auth_time).toBe(seconds(loggedIn));
      t.loginAs(t.f.ids.member, tenMinutesAgo);
    }

    // A session whose login time is unknown (from before it was kept) is too old for any max_age.
    t.loginAs(t.f.ids.member, null);
    expect((await start(client, { max_age: "86400" })).step.body).toMatchObject({ kind: "login", again: true });
    // Nobody logged in at all: a plain login, nothing to take off the request.
    t.loginAs(null);
    expect((await start(client, { prompt: "login" })).step.body).toMatchObject({ kind: "login", again: false });
  });

  it("answers prompt=none without a page: login_required for a login too old, invalid_request for a bad max_age", async () => {
    const client = await register({ name: "Silent" });
    await login(t.f.ids.member, client, { scope: "openid" });
    t.loginAs(t.f.ids.member, new Date(Date.now() - 600_000));
    const errorOf = (location: string | null) => new URL(location!).searchParams.get("error");
    expect(errorOf((await start(client, { prompt: "none", max_age: "60" })).step.location)).toBe("login_required");
    expect(errorOf((await start(client, { prompt: "none login" })).step.location)).toBe("invalid_request");
    for (const bad of ["-1", "1.5", "soon", ""]) expect(errorOf((await start(client, { max_age: bad })).step.location)).toBe("invalid_request");
    // Fresh enough: prompt=none goes straight through with a code.
    const fine = await start(client, { prompt: "none", max_age: "3600" });
    expect(new URL(fine.step.location!).searchParams.get("code")).toBeTruthy();
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
