import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, membershipStatuses, oidcClients, oidcCodes, oidcLogoutDeliveries, people } from "@/lib/db/schema";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { BACKCHANNEL_LOGOUT_EVENT, deliverDueLogouts } from "@/lib/domain/oidc/backchannel-logout";
import { publicKeySet } from "@/lib/domain/oidc/signing-keys";
import { changeStatus } from "@/lib/domain/people/person-service";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcClientInput } from "@/lib/domain/oidc/client-input";
import { connectedServices, disconnectService } from "@/lib/domain/oidc/consents";
import { checkLogoutRequest, revokeClientTokens } from "@/lib/domain/oidc/logout";
import { rotateSigningKey } from "@/lib/domain/oidc/signing-keys";
import { pruneOidcGrants } from "@/lib/domain/oidc/tokens";
import { createOidcTestbed, type OidcTestbed } from "./testing/oidc-testbed";

let t: OidcTestbed;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };
const CALLBACK = "https://wiki.example/oidc/callback";

beforeAll(async () => {
  t = await createOidcTestbed();
  const issuer = new URL(t.issuer);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
});
afterAll(() => t?.close());

async function register(input: Partial<OidcClientInput> = {}) {
  const made = await createOidcClient(t.f.db, t.f.ids.admin, { name: "Wiki", kind: "confidential", redirectUris: [CALLBACK], allowedScopes: ["openid", "profile", "email", "groups"], refreshTokens: true, ...input });
  if (!made.ok) throw new Error(made.message);
  return made;
}

/** The browser's part: GET the authorization endpoint as whoever is logged in, following nothing. */
async function authorize(query: Record<string, string>) {
  const r = await fetch(`${t.issuer}/oidc/authorize?${new URLSearchParams(query)}`, { redirect: "manual" });
  return { status: r.status, location: r.headers.get("location"), body: r.status === 302 ? null : ((await r.json()) as Record<string, unknown>) };
}

async function consent(query: Record<string, string>, decision: "allow" | "deny", fields: string[]) {
  const form = new URLSearchParams({ query: new URLSearchParams(query).toString(), decision });
  for (const f of fields) form.append("field", f);
  const r = await fetch(`${t.issuer}/oidc/consent`, { method: "POST", body: form, redirect: "manual" });
  return r.headers.get("location");
}

/** A whole login as a relying party does it with a real OIDC client library: PKCE S256, state, nonce. */
async function login(personId: number, client: { clientId: string; secret: string | null }, opts: { scope?: string; fields?: string[] } = {}) {
  t.loginAs(personId);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const query = { client_id: client.clientId, redirect_uri: CALLBACK, response_type: "code", scope: opts.scope ?? "openid profile email groups", state, nonce, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" };
  let step = await authorize(query);
  let consented = false;
  if (step.body?.kind === "consent") {
    consented = true;
    step = { status: 302, location: await consent(query, "allow", opts.fields ?? (step.body.fields as string[])), body: null };
  }
  expect(step.status, JSON.stringify(step.body)).toBe(302);
  const oc: oauth.Client = { client_id: client.clientId };
  const auth = client.secret ? oauth.ClientSecretBasic(client.secret) : oauth.None();
  const params = oauth.validateAuthResponse(as, oc, new URL(step.location!), state);
  const response = await oauth.authorizationCodeGrantRequest(as, oc, auth, params, CALLBACK, verifier, insecure);
  const tokens = await oauth.processAuthorizationCodeResponse(as, oc, response, { expectedNonce: nonce, requireIdToken: true });
  return { tokens, oc, auth, consented, code: params.get("code")!, verifier, claims: oauth.getValidatedIdTokenClaims(tokens)! };
}

async function userinfoStatus(accessToken: string) {
  return (await fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

async function tokenCall(form: Record<string, string>, basic?: [string, string]) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString("base64")}`;
  const r = await fetch(`${t.issuer}/oidc/token`, { method: "POST", headers, body: new URLSearchParams(form) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

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
    const jwks = createRemoteJWKSet(new URL(as.jwks_uri!), insecure as never);
    const { payload } = await jwtVerify(first.tokens.id_token!, jwks, { issuer: t.issuer, audience: client.clientId });
    expect(payload.sub).toBe(String(t.f.ids.member));
    const info = await oauth.processUserInfoResponse(as, first.oc, String(t.f.ids.member), await oauth.userInfoRequest(as, first.oc, first.tokens.access_token, insecure));
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
    const step = await authorize({ client_id: client.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid profile email", state: "s", code_challenge: "a".repeat(43), code_challenge_method: "S256" });
    expect(step.body).toMatchObject({ kind: "consent", fields: ["name"], offered: ["name", "email"] });
    const maria = await login(t.f.ids.maria, client, { scope: "openid profile email", fields: ["name"] });
    const info = (await (await fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${maria.tokens.access_token}` } })).json()) as Record<string, unknown>;
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
    const refreshed = await oauth.processRefreshTokenResponse(as, oc, await oauth.refreshTokenGrantRequest(as, oc, auth, tokens.refresh_token!, insecure));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(await userinfoStatus(refreshed.access_token)).toBe(200);
    // The admin takes groups away: earlier tokens stop revealing them, refreshed ones no longer carry the scope.
    await t.f.db.update(oidcClients).set({ allowedScopes: ["openid", "profile", "email"] }).where(eq(oidcClients.clientId, client.clientId));
    const info = (await (await fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${refreshed.access_token}` } })).json()) as Record<string, unknown>;
    expect(info).not.toHaveProperty("groups");
    const narrowed = await oauth.processRefreshTokenResponse(as, oc, await oauth.refreshTokenGrantRequest(as, oc, auth, refreshed.refresh_token!, insecure));
    expect(narrowed.scope).toBe("openid profile email");
    const again = await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, [client.clientId, client.secret!]);
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await userinfoStatus(narrowed.access_token)).toBe(401);
  });

  it("refuses a reused code and revokes what its first use got", async () => {
    const client = await register({ name: "Reuse" });
    const { tokens, code, verifier } = await login(t.f.ids.member, client);
    const reused = await tokenCall({ grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier }, [client.clientId, client.secret!]);
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
  });

  /** A code for the member, not yet exchanged. */
  async function freshCode(client: { clientId: string }, extra: Record<string, string> = {}) {
    t.loginAs(t.f.ids.member);
    const verifier = oauth.generateRandomCodeVerifier();
    const query = { client_id: client.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "st", code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...extra };
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
    const r = await tokenCall({ grant_type: "authorization_code", code, redirect_uri: "https://wiki.example/other", code_verifier: verifier }, [client.clientId, client.secret!]);
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
    expect(await tokenCall({ grant_type: "authorization_code", code: p.code, redirect_uri: CALLBACK, code_verifier: p.verifier, client_id: pub.clientId, client_secret: "x" })).toMatchObject({ status: 401 });
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
    expect(await tokenCall({ grant_type: "authorization_code", code: wrong.code, redirect_uri: CALLBACK, code_verifier: oauth.generateRandomCodeVerifier(), client_id: pub.clientId })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const missing = await freshCode(pub);
    expect(await tokenCall({ grant_type: "authorization_code", code: missing.code, redirect_uri: CALLBACK, client_id: pub.clientId })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const right = await freshCode(pub);
    expect((await tokenCall({ grant_type: "authorization_code", code: right.code, redirect_uri: CALLBACK, code_verifier: right.verifier, client_id: pub.clientId })).status).toBe(200);
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
    const q = { client_id: membersOnly.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "s", code_challenge: "a".repeat(43), code_challenge_method: "S256" };
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
    expect((await tokenCall({ grant_type: "refresh_token", refresh_token: other.tokens.refresh_token! }, [stillFine.clientId, stillFine.secret!])).body).toMatchObject({ error: "invalid_grant" });
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

describe("token revocation (RFC 7009)", () => {
  it("ends the client's own tokens: an access token alone, a refresh token with its whole login", async () => {
    const client = await register({ name: "Revoke" });
    const other = await register({ name: "Other" });
    const { tokens, oc, auth } = await login(t.f.ids.member, client);
    const revoke = async (token: string, c: { clientId: string; secret: string | null } = client) =>
      (await oauth.revocationRequest(as, { client_id: c.clientId }, oauth.ClientSecretBasic(c.secret!), token, insecure)).status;
    // Another client cannot revoke it (and learns nothing: 200 all the same).
    expect(await revoke(tokens.access_token, other)).toBe(200);
    expect(await userinfoStatus(tokens.access_token)).toBe(200);
    expect(await revoke(tokens.access_token)).toBe(200);
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
    const refreshed = await oauth.processRefreshTokenResponse(as, oc, await oauth.refreshTokenGrantRequest(as, oc, auth, tokens.refresh_token!, insecure));
    expect(await revoke(refreshed.refresh_token!)).toBe(200);
    expect(await userinfoStatus(refreshed.access_token)).toBe(401);
    expect(await revoke("not-a-token")).toBe(200);
    expect((await oauth.revocationRequest(as, { client_id: client.clientId }, oauth.ClientSecretBasic("wrong"), "x", insecure)).status).toBe(401);
  });
});

describe("logging in again: prompt=login and max_age (OIDC Core §3.1.2.1)", () => {
  /** An authorization request as a relying party builds it, the answer, and how to finish it with the client library. */
  async function start(client: { clientId: string; secret: string | null }, extra: Record<string, string>) {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const query = { client_id: client.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state, nonce, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...extra };
    const step = await authorize(query);
    const finish = async (location: string, maxAge?: number) => {
      const oc: oauth.Client = { client_id: client.clientId };
      const params = oauth.validateAuthResponse(as, oc, new URL(location), state);
      const response = await oauth.authorizationCodeGrantRequest(as, oc, oauth.ClientSecretBasic(client.secret!), params, CALLBACK, verifier, insecure);
      const tokens = await oauth.processAuthorizationCodeResponse(as, oc, response, { expectedNonce: nonce, requireIdToken: true, ...(maxAge === undefined ? {} : { maxAge }) });
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

describe("token introspection (RFC 7662)", () => {
  const introspect = async (token: string, c: { clientId: string; secret: string | null }) => {
    const response = await oauth.introspectionRequest(as, { client_id: c.clientId }, c.secret ? oauth.ClientSecretBasic(c.secret) : oauth.None(), token, insecure);
    return oauth.processIntrospectionResponse(as, { client_id: c.clientId }, response);
  };

  it("tells a confidential client whether its own token still stands, and nothing about anyone else's", async () => {
    expect(as.introspection_endpoint).toBe(`${t.issuer}/oidc/introspect`);
    const client = await register({ name: "Introspect" });
    const other = await register({ name: "Nosy" });
    const { tokens, claims } = await login(t.f.ids.member, client, { scope: "openid profile" });
    expect(await introspect(tokens.access_token, client)).toMatchObject({ active: true, sub: String(t.f.ids.member), client_id: client.clientId, scope: "openid profile", token_type: "Bearer", iss: t.issuer, auth_time: claims.auth_time });
    expect(await introspect(tokens.refresh_token!, client)).toMatchObject({ active: true, token_type: "refresh_token" });
    expect(await introspect(tokens.access_token, other)).toEqual({ active: false });
    expect(await introspect("not-a-token", client)).toEqual({ active: false });

    // Whatever stops the token stops "active": the person's status, then revocation.
    const [banned] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "banned"));
    const [before] = await t.f.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, t.f.ids.member));
    await t.f.db.update(people).set({ statusId: banned!.id }).where(eq(people.id, t.f.ids.member));
    expect(await introspect(tokens.access_token, client)).toEqual({ active: false });
    await t.f.db.update(people).set({ statusId: before!.statusId }).where(eq(people.id, t.f.ids.member));
    expect((await introspect(tokens.access_token, client)).active).toBe(true);
    await oauth.revocationRequest(as, { client_id: client.clientId }, oauth.ClientSecretBasic(client.secret!), tokens.access_token, insecure);
    expect(await introspect(tokens.access_token, client)).toEqual({ active: false });

    // Only authenticated confidential clients may ask.
    const wrong = await oauth.introspectionRequest(as, { client_id: client.clientId }, oauth.ClientSecretBasic("wrong"), tokens.refresh_token!, insecure);
    expect(wrong.status).toBe(401);
    const pub = await register({ name: "Public app", kind: "public" });
    const asPublic = await oauth.introspectionRequest(as, { client_id: pub.clientId }, oauth.None(), tokens.refresh_token!, insecure);
    expect(asPublic.status).toBe(401);
  });
});

describe("a member's connected services", () => {
  it("lists what each service may see; withdrawing ends its tokens and the next login asks again", async () => {
    const client = await register({ name: "Connected" });
    const { tokens } = await login(t.f.ids.trainer, client, { fields: ["name"] });
    const listed = (await connectedServices(t.f.db, t.f.ids.trainer)).find((c) => c.clientId === client.id);
    expect(listed).toMatchObject({ name: "Connected", fields: ["name"], scopes: ["openid", "profile", "email", "groups"] });
    expect(await disconnectService(t.f.db, t.f.ids.member, client.id)).toBe(false);
    expect(await disconnectService(t.f.db, t.f.ids.trainer, client.id)).toBe(true);
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
    expect((await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, [client.clientId, client.secret!])).body).toMatchObject({ error: "invalid_grant" });
    expect((await login(t.f.ids.trainer, client)).consented).toBe(true);
  });
});

describe("logging out from a service (RP-initiated logout)", () => {
  it("returns only to a registered post-logout address of the client a verified id_token_hint names, and ends its tokens", async () => {
    const client = await register({ name: "Logout", postLogoutRedirectUris: ["https://wiki.example/logged-out"] });
    const { tokens } = await login(t.f.ids.member, client);
    const ask = (q: Record<string, string>) => checkLogoutRequest(t.f.db, new URLSearchParams(q), t.issuer);
    const hint = tokens.id_token!;
    expect((await ask({ id_token_hint: hint, post_logout_redirect_uri: "https://wiki.example/logged-out", state: "x1" })).redirect).toBe("https://wiki.example/logged-out?state=x1");
    expect((await ask({ client_id: client.clientId, post_logout_redirect_uri: "https://wiki.example/logged-out" })).redirect).toBe("https://wiki.example/logged-out");
    expect((await ask({ id_token_hint: hint, post_logout_redirect_uri: "https://evil.example/" })).redirect).toBeNull();
    expect((await ask({ id_token_hint: hint, client_id: "ms-other", post_logout_redirect_uri: "https://wiki.example/logged-out" })).redirect).toBeNull();
    // A hint signed by someone else's key names no client.
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ aud: client.clientId, iss: t.issuer, sub: "1" }).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    expect(await ask({ id_token_hint: forged, post_logout_redirect_uri: "https://wiki.example/logged-out" })).toEqual({ client: null, redirect: null });

    await revokeClientTokens(t.f.db, t.f.ids.member, client.id);
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
  });
});

describe("back-channel logout (OpenID Connect Back-Channel Logout 1.0)", () => {
  /** A service's back-channel endpoint on a real HTTP server: it answers each POST with the next status given. */
  async function receiver(statuses: number[]) {
    const received: { contentType: string | undefined; body: URLSearchParams }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ contentType: req.headers["content-type"], body: new URLSearchParams(body) });
        res.writeHead(statuses.shift() ?? 200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/backchannel-logout`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  /** What the service does with a logout token (§2.6): verify it as ours, for it, with the event and no nonce. */
  async function verifyLogoutToken(token: string, clientId: string, at = new Date()) {
    const keys = createLocalJWKSet((await publicKeySet(t.f.db)) as never);
    const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer: t.issuer, audience: clientId, typ: "logout+jwt", maxTokenAge: "2 minutes", currentDate: at });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.events).toEqual({ [BACKCHANNEL_LOGOUT_EVENT]: {} });
    expect(payload).not.toHaveProperty("nonce");
    expect(payload.jti).toEqual(expect.any(String));
    return payload;
  }

  it("tells each connected service with a back-channel address when the person's sessions end, retrying a refusal", async () => {
    expect((await (await fetch(`${t.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>).toMatchObject({ backchannel_logout_supported: true, backchannel_logout_session_supported: false });
    const wiki = await receiver([500]);
    const cloud = await receiver([]);
    try {
      const wikiClient = await register({ name: "BC wiki", backchannelLogoutUri: wiki.url });
      const cloudClient = await register({ name: "BC cloud", backchannelLogoutUri: cloud.url });
      const quiet = await register({ name: "BC none" }); // connected, but asked for no notice
      for (const c of [wikiClient, cloudClient, quiet]) await login(t.f.ids.trainer, c, { scope: "openid" });
      await register({ name: "BC never used", backchannelLogoutUri: cloud.url }); // not connected: nothing to tell

      // The person logs out everywhere: nothing is sent in the request, one notice per connected service waits.
      await endAllSessions(t.f.db, t.f.ids.trainer);
      expect(wiki.received.length + cloud.received.length).toBe(0);
      const now = new Date();
      expect(await deliverDueLogouts(t.f.db, { now: () => now })).toEqual({ delivered: 1, retried: 1, failed: 0 });
      expect(cloud.received).toHaveLength(1);
      expect(cloud.received[0]!.contentType).toBe("application/x-www-form-urlencoded");
      expect((await verifyLogoutToken(cloud.received[0]!.body.get("logout_token")!, cloudClient.clientId)).sub).toBe(String(t.f.ids.trainer));

      // The wiki answered 500: not again before its backoff, then once more with a fresh token.
      expect(await deliverDueLogouts(t.f.db, { now: () => now })).toEqual({ delivered: 0, retried: 0, failed: 0 });
      const later = new Date(now.getTime() + 60_000);
      expect(await deliverDueLogouts(t.f.db, { now: () => later })).toEqual({ delivered: 1, retried: 0, failed: 0 });
      expect(wiki.received).toHaveLength(2);
      const [first, second] = wiki.received.map((r) => r.body.get("logout_token")!);
      expect(second).not.toBe(first);
      await verifyLogoutToken(second!, wikiClient.clientId, later);
      const rows = await t.f.db.select().from(oidcLogoutDeliveries).where(eq(oidcLogoutDeliveries.personId, t.f.ids.trainer)).orderBy(oidcLogoutDeliveries.clientId);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["delivered", 2],
        ["delivered", 1],
      ]);
    } finally {
      await wiki.close();
      await cloud.close();
    }
  });

  it("tells the services when an admin gives the person a status that may not log in", async () => {
    const svc = await receiver([]);
    try {
      const client = await register({ name: "BC forum", backchannelLogoutUri: svc.url });
      const [member] = await t.f.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, t.f.ids.maria));
      await login(t.f.ids.maria, client, { scope: "openid" });
      const [former] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
      expect(former?.mayLogIn).toBe(false);
      expect((await changeStatus(t.f.db, t.f.ids.admin, t.f.ids.maria, { statusId: former!.id, reason: "left" })).ok).toBe(true);
      expect((await deliverDueLogouts(t.f.db)).delivered).toBe(1);
      expect((await verifyLogoutToken(svc.received[0]!.body.get("logout_token")!, client.clientId)).sub).toBe(String(t.f.ids.maria));
      expect((await changeStatus(t.f.db, t.f.ids.admin, t.f.ids.maria, { statusId: member!.statusId, reason: "back" })).ok).toBe(true);
    } finally {
      await svc.close();
    }
  });

  it("keeps the back-channel address a valid http(s) address", async () => {
    const refused = await createOidcClient(t.f.db, t.f.ids.admin, { name: "Bad BC", kind: "confidential", redirectUris: [CALLBACK], allowedScopes: [], backchannelLogoutUri: "javascript:alert(1)" });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
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
    const input: OidcClientInput = { name: "Nextcloud", kind: "confidential", redirectUris: ["https://cloud.example/apps/user_oidc/code"], allowedScopes: ["profile"] };
    expect(await createOidcClient(t.f.db, t.f.ids.member, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createOidcClient(t.f.db, t.f.ids.admin, { ...input, redirectUris: ["https://cloud.example/cb#frag"] })).toMatchObject({ ok: false, code: "invalid", field: "redirectUris" });
    expect(await createOidcClient(t.f.db, t.f.ids.admin, { ...input, redirectUris: ["javascript:alert(1)"] })).toMatchObject({ ok: false, code: "invalid" });
    const made = await createOidcClient(t.f.db, t.f.ids.admin, input);
    if (!made.ok) throw new Error(made.message);
    const [row] = await t.f.db.select().from(oidcClients).where(eq(oidcClients.id, made.id));
    expect(row!.allowedScopes).toEqual(["openid", "profile"]);
    expect(row!.secretHash).not.toContain(made.secret!);
    expect(JSON.stringify(await t.f.db.select().from(auditLog).where(eq(auditLog.changeType, "oidc_client.create")))).not.toContain(made.secret!);
  });
});
