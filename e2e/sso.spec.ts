import http from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, storageStateOf, USERS } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

const insecure = { [oauth.allowInsecureRequests]: true };

/**
 * A tiny relying party, as a wiki would be: /start sends the browser to the space with PKCE, state and nonce;
 * /callback trades the code (client_secret_basic), asks userinfo and greets whoever came back.
 */
async function startRelyingParty() {
  // Configured once the admin has registered it (its address must be known first).
  let as: oauth.AuthorizationServer;
  let client: oauth.Client;
  let secret = "";
  let lastIdToken = "";
  const pending = new Map<string, { verifier: string; nonce: string }>();
  let redirectUri = "";
  let base = "";
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", redirectUri);
    void (async () => {
      if (url.pathname === "/start") {
        const verifier = oauth.generateRandomCodeVerifier();
        const state = oauth.generateRandomState();
        const nonce = oauth.generateRandomNonce();
        pending.set(state, { verifier, nonce });
        const target = new URL(as.authorization_endpoint!);
        const query = {
          client_id: client.client_id,
          redirect_uri: redirectUri,
          response_type: "code",
          scope: "openid profile email",
          state,
          nonce,
          code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
          code_challenge_method: "S256",
        };
        for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
        res.writeHead(302, { location: target.href }).end();
        return;
      }
      if (url.pathname === "/logout") {
        const target = new URL(as.end_session_endpoint!);
        target.searchParams.set("id_token_hint", lastIdToken);
        target.searchParams.set("post_logout_redirect_uri", `${base}/bye`);
        target.searchParams.set("state", "bye-state");
        res.writeHead(302, { location: target.href }).end();
        return;
      }
      if (url.pathname === "/bye") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<h1>Wiki</h1><p id="bye">Logged out (${url.searchParams.get("state")})</p>`);
        return;
      }
      const state = url.searchParams.get("state") ?? "";
      const started = pending.get(state);
      if (!started) return void res.writeHead(400).end("unknown state");
      pending.delete(state);
      const params = oauth.validateAuthResponse(as, client, url, state);
      const tokens = await oauth.processAuthorizationCodeResponse(
        as,
        client,
        await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(secret), params, redirectUri, started.verifier, insecure),
        { expectedNonce: started.nonce, requireIdToken: true },
      );
      const sub = oauth.getValidatedIdTokenClaims(tokens)!.sub;
      lastIdToken = tokens.id_token!;
      const info = await oauth.processUserInfoResponse(as, client, sub, await oauth.userInfoRequest(as, client, tokens.access_token, insecure));
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(`<h1>Wiki</h1><p id="who">Hello ${String(info.name)} &lt;${String(info.email)}&gt; #${sub}</p>`);
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(`relying party error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  redirectUri = `${base}/callback`;
  async function configure(discoveryUrl: string, clientId: string, clientSecret: string) {
    const issuer = new URL(discoveryUrl.replace("/.well-known/openid-configuration", ""));
    as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
    client = { client_id: clientId };
    secret = clientSecret;
  }
  return { base, redirectUri, configure, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin registers a wiki; a member logs in to it through the space, consents once, goes straight through next time, disconnects it and logs out from it", async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers, a relying party and several round trips
  const rp = await startRelyingParty();
  await page.goto("/admin/sso");
  const discoveryUrl = (await page.getByTestId("discovery-url").textContent())!;
  const form = page.getByRole("form", { name: "Register service" });
  await form.getByLabel("Name (shown to members)").fill("Test wiki");
  await form.getByLabel(/^Redirect addresses/).fill(rp.redirectUri);
  await form.getByLabel(/^Addresses to return to after logging out/).fill(`${rp.base}/bye`);
  await form.getByRole("button", { name: "Register service" }).click();
  const secret = await form.getByTestId("new-secret").inputValue();
  const clientId = /client ID (ms-[\w-]+)/.exec((await form.getByRole("status").textContent()) ?? "")?.[1];
  expect(clientId).toBeTruthy();

  await rp.configure(discoveryUrl, clientId!, secret);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    // Maria, not the member whose saved session later specs use: logging out of the space ends all her sessions.
    const member = await context.newPage();
    await member.goto(`${rp.base}/start`);
    // Not logged in at the space: its login page, which comes back to the authorization afterwards.
    await member.getByLabel("Email").fill(USERS.maria.email);
    await member.getByLabel("Password").fill(DEMO_PASSWORD);
    await member.getByRole("button", { name: "Log in" }).click();
    await expect(member.getByRole("heading", { name: "Log in to Test wiki" })).toBeVisible();
    // The email is kept for the board by default, so it is offered unticked; the member ticks it.
    const email = member.getByLabel(/your email address/);
    await expect(email).not.toBeChecked();
    await expect(member.getByLabel(/your name/)).toBeChecked();
    await email.check();
    await member.getByRole("button", { name: "Allow and continue" }).click();
    await expect(member.locator("#who")).toContainText(`Hello ${USERS.maria.name} <${USERS.maria.email}> #`);

    // Asked once: the next login goes straight through.
    await member.goto(`${rp.base}/start`);
    await expect(member.locator("#who")).toContainText(`Hello ${USERS.maria.name}`);

    // On their profile the member sees the wiki and what it may see; disconnecting makes the next login ask again.
    const space = new URL(discoveryUrl).origin;
    await member.goto(`${space}/profile/services`);
    const wiki = member.getByRole("listitem").filter({ hasText: "Test wiki" });
    await expect(wiki).toContainText("your name, your email address");
    await wiki.getByRole("button", { name: "Disconnect" }).click();
    await expect(wiki).toHaveCount(0);
    await expect(member.getByText("You have not logged in to another service")).toBeVisible();
    await member.goto(`${rp.base}/start`);
    await expect(member.getByLabel(/your email address/)).not.toBeChecked();
    await member.getByRole("button", { name: "Allow and continue" }).click();
    await expect(member.locator("#who")).toHaveText(new RegExp(`^Hello ${USERS.maria.name} <undefined> #`));

    // The wiki logs the member out through the space: they confirm, return to the wiki, and are logged out here too.
    await member.goto(`${rp.base}/logout`);
    await expect(member.getByText("Test wiki asks to log you out.")).toBeVisible();
    await member.getByRole("main").getByRole("button", { name: "Log out" }).click();
    await expect(member.locator("#bye")).toHaveText("Logged out (bye-state)");
    await member.goto(`${space}/home`);
    await expect(member).toHaveURL(/\/login/);
  } finally {
    await context.close();
    await rp.close();
  }
});
