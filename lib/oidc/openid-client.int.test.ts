import { eq } from "drizzle-orm";
import * as client from "openid-client";
import { describe, expect, it } from "vitest";
import { accounts, membershipStatuses, people } from "@/lib/db/schema";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import { providerUnderTest } from "./testing/provider-under-test";

/*
 * The provider against openid-client (panva's certified relying-party library, the one wikis, Nextcloud apps and
 * Node services use), end to end over HTTP: discovery, code + PKCE, token, userinfo, refresh, then RP-initiated
 * logout through the end_session_endpoint the library finds in discovery. oidc-flow.int.test.ts drives the same
 * provider with oauth4webapi, which has no end-session helper.
 */

const t = providerUnderTest();
const CALLBACK = "https://wiki.example/oidc/callback";
const LOGGED_OUT = "https://wiki.example/logged-out";

async function relyingParty(name: string) {
  const made = await createOidcClient(t.f.db, t.f.ids.admin, {
    name,
    kind: "confidential",
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: [LOGGED_OUT],
    allowedScopes: ["openid", "profile", "email", "groups"],
    refreshTokens: true,
  });
  if (!made.ok) throw new Error(made.message);
  // The provider runs on http://127.0.0.1 in the test: the library refuses plain HTTP unless told.
  const config = await client.discovery(new URL(t.issuer), made.clientId, undefined, client.ClientSecretBasic(made.secret!), {
    execute: [client.allowInsecureRequests],
  });
  return { config, clientId: made.clientId };
}

/** The browser's part: open the authorization URL as the logged-in person, allow on the consent step, land on the callback. */
async function browse(url: URL): Promise<URL> {
  const first = await fetch(url, { redirect: "manual" });
  if (first.status === 302) return new URL(first.headers.get("location")!);
  const step = (await first.json()) as { kind: string; fields?: string[] };
  expect(step.kind).toBe("consent");
  const form = new URLSearchParams({ query: url.searchParams.toString(), decision: "allow" });
  for (const f of step.fields ?? []) form.append("field", f);
  const r = await fetch(`${t.issuer}/oidc/consent`, { method: "POST", body: form, redirect: "manual" });
  expect(r.status).toBe(302);
  return new URL(r.headers.get("location")!);
}

async function logIn(config: client.Configuration, personId: number) {
  t.loginAs(personId);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: "openid profile email groups",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const callback = await browse(url);
  return client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
}

describe("a relying party using openid-client", () => {
  it("discovers, logs in with code + PKCE, reads userinfo, refreshes, and logs out through the end-session endpoint", async () => {
    const { config, clientId } = await relyingParty("openid-client wiki");
    expect(config.serverMetadata()).toMatchObject({
      issuer: t.issuer,
      end_session_endpoint: `${t.issuer}/oidc/logout`,
      code_challenge_methods_supported: ["S256"],
    });

    const tokens = await logIn(config, t.f.ids.member);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: t.issuer, aud: clientId, sub: String(t.f.ids.member) });
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info.groups).toEqual(expect.arrayContaining(["status:member"]));
    expect(info.name).toBeTruthy();

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await client.fetchUserInfo(config, refreshed.access_token, claims.sub)).sub).toBe(claims.sub);

    // RP-initiated logout: the library builds the URL from discovery; the person confirms on the space's page.
    const end = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGGED_OUT, state: "bye-1" });
    expect(end.origin + end.pathname).toBe(`${t.issuer}/oidc/logout`);
    const [before] = await t.f.db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, t.f.ids.member));
    const page = (await (await fetch(end, { redirect: "manual" })).json()) as { kind: string; client: string; query: string };
    expect(page).toMatchObject({ kind: "confirm", client: "openid-client wiki" });
    const confirmed = await fetch(`${t.issuer}/oidc/logout`, { method: "POST", body: new URLSearchParams({ query: page.query }), redirect: "manual" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`${LOGGED_OUT}?state=bye-1`);

    // The space's sessions ended and this service's tokens are gone: the library's calls are refused.
    const [after] = await t.f.db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, t.f.ids.member));
    expect(after!.v).toBe(before!.v + 1);
    await expect(client.fetchUserInfo(config, refreshed.access_token, claims.sub)).rejects.toThrow();
    await expect(client.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });

    // Logged out already (no session): the end-session URL returns straight to the service.
    const again = await fetch(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGGED_OUT }), {
      redirect: "manual",
    });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(LOGGED_OUT);
    // An address the client did not register is never a destination.
    t.loginAs(t.f.ids.member);
    const evil = (await (
      await fetch(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: "https://evil.example/" }), {
        redirect: "manual",
      })
    ).json()) as { query: string };
    const stayed = await fetch(`${t.issuer}/oidc/logout`, { method: "POST", body: new URLSearchParams({ query: evil.query }), redirect: "manual" });
    expect(stayed.headers.get("location")).toBe("/");
  });

  it("refuses a banned member: the refresh fails and a new login never reaches the callback", async () => {
    const { config } = await relyingParty("openid-client forum");
    const tokens = await logIn(config, t.f.ids.maria);
    const [member] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const [banned] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "banned"));
    await t.f.db.update(people).set({ statusId: banned!.id }).where(eq(people.id, t.f.ids.maria));
    try {
      await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
      await expect(client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).rejects.toThrow();
      t.loginAs(t.f.ids.maria);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        scope: "openid",
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: "S256",
        state: client.randomState(),
      });
      const step = await fetch(url, { redirect: "manual" });
      expect(step.status).toBe(200);
      expect(await step.json()).toMatchObject({ kind: "refused", reason: "may_not_log_in" });
    } finally {
      await t.f.db.update(people).set({ statusId: member!.id }).where(eq(people.id, t.f.ids.maria));
    }
  });
});
