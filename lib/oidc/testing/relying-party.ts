import * as oauth from "oauth4webapi";
import { expect } from "vitest";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import type { OidcClientInput } from "@/lib/domain/oidc/client-input";
import type { OidcTestbed } from "./oidc-testbed";

export const CALLBACK = "https://wiki.example/oidc/callback";
export const insecure = { [oauth.allowInsecureRequests]: true };

/**
 * A relying party of the testbed's provider, as a service does it with a real OIDC client library (oauth4webapi):
 * the discovered server, registering a client, the browser's authorization and consent steps, a whole login
 * (PKCE S256, state, nonce), userinfo and raw token calls.
 */
export async function relyingParty(t: OidcTestbed) {
  const issuer = new URL(t.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));

  async function register(input: Partial<OidcClientInput> = {}) {
    const made = await createOidcClient(t.f.db, t.f.ids.admin, {
      name: "Wiki",
      kind: "confidential",
      redirectUris: [CALLBACK],
      allowedScopes: ["openid", "profile", "email", "groups"],
      refreshTokens: true,
      ...input,
    });
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

  /**
   * A relying party's authorization request (PKCE S256, state, nonce, and `extra` parameters such as prompt or
   * max_age) as whoever is logged in, the provider's answer, and `finish` to redeem the code the provider sent back.
   */
  async function request(client: { clientId: string; secret: string | null }, opts: { scope?: string; extra?: Record<string, string> } = {}) {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const query: Record<string, string> = {
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: opts.scope ?? "openid profile email groups",
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...opts.extra,
    };
    const step = await authorize(query);
    const oc: oauth.Client = { client_id: client.clientId };
    const auth = client.secret ? oauth.ClientSecretBasic(client.secret) : oauth.None();
    /** The code grant for the answer's `location`; `maxAge` also checks the ID token's auth_time against it. */
    async function finish(location: string, check: { maxAge?: number } = {}) {
      const params = oauth.validateAuthResponse(as, oc, new URL(location), state);
      const response = await oauth.authorizationCodeGrantRequest(as, oc, auth, params, CALLBACK, verifier, insecure);
      const tokens = await oauth.processAuthorizationCodeResponse(as, oc, response, {
        expectedNonce: nonce,
        requireIdToken: true,
        ...(check.maxAge === undefined ? {} : { maxAge: check.maxAge }),
      });
      return { tokens, oc, auth, code: params.get("code")!, verifier, claims: oauth.getValidatedIdTokenClaims(tokens)! };
    }
    return { query, step, finish };
  }

  /** A whole login as a relying party does it with a real OIDC client library: PKCE S256, state, nonce. */
  async function login(personId: number, client: { clientId: string; secret: string | null }, opts: { scope?: string; fields?: string[] } = {}) {
    t.loginAs(personId);
    const started = await request(client, { scope: opts.scope });
    let step = started.step;
    let consented = false;
    if (step.body?.kind === "consent") {
      consented = true;
      step = { status: 302, location: await consent(started.query, "allow", opts.fields ?? (step.body.fields as string[])), body: null };
    }
    expect(step.status, JSON.stringify(step.body)).toBe(302);
    return { ...(await started.finish(step.location!)), consented };
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

  return { as, register, authorize, consent, request, login, userinfoStatus, tokenCall };
}
