import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT } from "jose";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { membershipStatuses, oidcLogoutDeliveries, people } from "@/lib/db/schema";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { BACKCHANNEL_LOGOUT_EVENT, deliverDueLogouts } from "@/lib/domain/oidc/backchannel-logout";
import { publicKeySet } from "@/lib/domain/oidc/signing-keys";
import { changeStatus } from "@/lib/domain/people/person-service";
import { createOidcClient } from "@/lib/domain/oidc/clients";
import { connectedServices, disconnectService } from "@/lib/domain/oidc/consents";
import { checkLogoutRequest, revokeClientTokens } from "@/lib/domain/oidc/logout";
import { providerUnderTest } from "./testing/provider-under-test";
import { CALLBACK, insecure } from "./testing/relying-party";

// How a login through the space ends: revocation, introspection, a member withdrawing a service, RP-initiated and
// back-channel logout. The login flow itself: oidc-flow.int.test.ts.
const t = providerUnderTest();
const { register, login, userinfoStatus, tokenCall } = t;

describe("token revocation (RFC 7009)", () => {
  it("ends the client's own tokens: an access token alone, a refresh token with its whole login", async () => {
    const client = await register({ name: "Revoke" });
    const other = await register({ name: "Other" });
    const { tokens, oc, auth } = await login(t.f.ids.member, client);
    const revoke = async (token: string, c: { clientId: string; secret: string | null } = client) =>
      (await oauth.revocationRequest(t.as, { client_id: c.clientId }, oauth.ClientSecretBasic(c.secret!), token, insecure)).status;
    // Another client cannot revoke it (and learns nothing: 200 all the same).
    expect(await revoke(tokens.access_token, other)).toBe(200);
    expect(await userinfoStatus(tokens.access_token)).toBe(200);
    expect(await revoke(tokens.access_token)).toBe(200);
    expect(await userinfoStatus(tokens.access_token)).toBe(401);
    const refreshed = await oauth.processRefreshTokenResponse(t.as, oc, await oauth.refreshTokenGrantRequest(t.as, oc, auth, tokens.refresh_token!, insecure));
    expect(await revoke(refreshed.refresh_token!)).toBe(200);
    expect(await userinfoStatus(refreshed.access_token)).toBe(401);
    expect(await revoke("not-a-token")).toBe(200);
    expect((await oauth.revocationRequest(t.as, { client_id: client.clientId }, oauth.ClientSecretBasic("wrong"), "x", insecure)).status).toBe(401);
  });
});

describe("token introspection (RFC 7662)", () => {
  const introspect = async (token: string, c: { clientId: string; secret: string | null }) => {
    const response = await oauth.introspectionRequest(
      t.as,
      { client_id: c.clientId },
      c.secret ? oauth.ClientSecretBasic(c.secret) : oauth.None(),
      token,
      insecure,
    );
    return oauth.processIntrospectionResponse(t.as, { client_id: c.clientId }, response);
  };

  it("tells a confidential client whether its own token still stands, and nothing about anyone else's", async () => {
    expect(t.as.introspection_endpoint).toBe(`${t.issuer}/oidc/introspect`);
    const client = await register({ name: "Introspect" });
    const other = await register({ name: "Nosy" });
    const { tokens, claims } = await login(t.f.ids.member, client, { scope: "openid profile" });
    expect(await introspect(tokens.access_token, client)).toMatchObject({
      active: true,
      sub: String(t.f.ids.member),
      client_id: client.clientId,
      scope: "openid profile",
      token_type: "Bearer",
      iss: t.issuer,
      auth_time: claims.auth_time,
    });
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
    await oauth.revocationRequest(t.as, { client_id: client.clientId }, oauth.ClientSecretBasic(client.secret!), tokens.access_token, insecure);
    expect(await introspect(tokens.access_token, client)).toEqual({ active: false });

    // Only authenticated confidential clients may ask.
    const wrong = await oauth.introspectionRequest(t.as, { client_id: client.clientId }, oauth.ClientSecretBasic("wrong"), tokens.refresh_token!, insecure);
    expect(wrong.status).toBe(401);
    const pub = await register({ name: "Public app", kind: "public" });
    const asPublic = await oauth.introspectionRequest(t.as, { client_id: pub.clientId }, oauth.None(), tokens.refresh_token!, insecure);
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
    expect((await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, [client.clientId, client.secret!])).body).toMatchObject({
      error: "invalid_grant",
    });
    expect((await login(t.f.ids.trainer, client)).consented).toBe(true);
  });
});

describe("logging out from a service (RP-initiated logout)", () => {
  it("returns only to a registered post-logout address of the client a verified id_token_hint names, and ends its tokens", async () => {
    const client = await register({ name: "Logout", postLogoutRedirectUris: ["https://wiki.example/logged-out"] });
    const { tokens } = await login(t.f.ids.member, client);
    const ask = (q: Record<string, string>) => checkLogoutRequest(t.f.db, new URLSearchParams(q), t.issuer);
    const hint = tokens.id_token!;
    expect((await ask({ id_token_hint: hint, post_logout_redirect_uri: "https://wiki.example/logged-out", state: "x1" })).redirect).toBe(
      "https://wiki.example/logged-out?state=x1",
    );
    expect((await ask({ client_id: client.clientId, post_logout_redirect_uri: "https://wiki.example/logged-out" })).redirect).toBe(
      "https://wiki.example/logged-out",
    );
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
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/backchannel-logout`,
      received,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  /** What the service does with a logout token (§2.6): verify it as ours, for it, with the event and no nonce. */
  async function verifyLogoutToken(token: string, clientId: string, at = new Date()) {
    const keys = createLocalJWKSet((await publicKeySet(t.f.db)) as never);
    const { payload, protectedHeader } = await jwtVerify(token, keys, {
      issuer: t.issuer,
      audience: clientId,
      typ: "logout+jwt",
      maxTokenAge: "2 minutes",
      currentDate: at,
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.events).toEqual({ [BACKCHANNEL_LOGOUT_EVENT]: {} });
    expect(payload).not.toHaveProperty("nonce");
    expect(payload.jti).toEqual(expect.any(String));
    return payload;
  }

  it("tells each connected service with a back-channel address when the person's sessions end, retrying a refusal", async () => {
    expect((await (await fetch(`${t.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>).toMatchObject({
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: false,
    });
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
      const rows = await t.f.db
        .select()
        .from(oidcLogoutDeliveries)
        .where(eq(oidcLogoutDeliveries.personId, t.f.ids.trainer))
        .orderBy(oidcLogoutDeliveries.clientId);
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
    const refused = await createOidcClient(t.f.db, t.f.ids.admin, {
      name: "Bad BC",
      kind: "confidential",
      redirectUris: [CALLBACK],
      allowedScopes: [],
      backchannelLogoutUri: "javascript:alert(1)",
    });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
  });
});
