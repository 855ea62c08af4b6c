import http from "node:http";
import type { AddressInfo } from "node:net";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { checkLogoutRequest, confirmLogout } from "@/lib/domain/oidc/logout";
import { savePublicUrl } from "@/lib/domain/settings/testing/save-settings";
import { authorizationAfterLogin, authorizationStep, consentDecision, oidcIssuer, type BrowserSession } from "../authorization";
import { discoveryResponse, introspectionResponse, jwksResponse, preflightResponse, revocationResponse, tokenResponse, userinfoResponse } from "../endpoints";

/**
 * The provider on a real HTTP server (port 0) answering exactly as the routes do: discovery, JWKS, token and
 * userinfo through the same functions; the authorization page's steps as plain HTTP (a redirect, or JSON saying
 * "log in" / "consent" / "refused"), with the "browser session" being whoever loginAs() named (logged in at the
 * given time; "log in" also says where the login page would return to), and the end-session page (its confirm
 * step as JSON, the confirmation as a POST through the action's own function). The space's public
 * address is saved as this server's, so the issuer is what a client discovers.
 */
export async function createOidcTestbed() {
  const f: DemoDatabase = await createDemoDatabase();
  let session: BrowserSession | null = null;
  let issuer = "";

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const db = f.db;
    if (request.method === "OPTIONS") return preflightResponse();
    switch (url.pathname) {
      case "/.well-known/openid-configuration":
        return discoveryResponse(await oidcIssuer(db));
      case "/oidc/jwks":
        return jwksResponse(db);
      case "/oidc/token":
        return tokenResponse(db, request, await oidcIssuer(db));
      case "/oidc/introspect":
        return introspectionResponse(db, request, await oidcIssuer(db));
      case "/oidc/revoke":
        return revocationResponse(db, request);
      case "/oidc/userinfo":
        return userinfoResponse(db, request);
      case "/oidc/authorize": {
        const step = await authorizationStep(db, url.searchParams, session);
        if (step.kind === "redirect") return new Response(null, { status: 302, headers: { location: step.location } });
        const returnTo = step.kind === "login" ? authorizationAfterLogin(url.searchParams, step.again) : undefined;
        return Response.json({ ...step, returnTo }, { status: step.kind === "fatal" ? 400 : 200 });
      }
      case "/oidc/logout": {
        // The end-session page: GET asks the logged-in person to confirm (JSON here), POST is their confirmation,
        // through the function the page's action runs; the browser's session then ends (the action's signOut).
        const issuerNow = await oidcIssuer(db);
        if (request.method === "GET") {
          const asked = await checkLogoutRequest(db, url.searchParams, issuerNow);
          if (session === null)
            return asked.redirect ? new Response(null, { status: 302, headers: { location: asked.redirect } }) : Response.json({ kind: "done" });
          return Response.json({ kind: "confirm", client: asked.client?.name ?? null, query: url.searchParams.toString() });
        }
        const form = new URLSearchParams(await request.text());
        const { redirect } = await confirmLogout(db, session?.personId ?? null, new URLSearchParams(form.get("query") ?? ""), issuerNow);
        session = null;
        return new Response(null, { status: 302, headers: { location: redirect } });
      }
      case "/oidc/consent": {
        const form = new URLSearchParams(await request.text());
        if (session === null) return new Response("not logged in", { status: 401 });
        const step = await consentDecision(db, new URLSearchParams(form.get("query") ?? ""), session, form.get("decision") === "allow", form.getAll("field"));
        return step.kind === "redirect" ? new Response(null, { status: 302, headers: { location: step.location } }) : Response.json(step, { status: 200 });
      }
      default:
        return new Response("not found", { status: 404 });
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      route(request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await savePublicUrl(f.db, issuer);

  return {
    f,
    issuer,
    /** The browser's session from now on: this person, logged in at authTime (default: a fresh login), or nobody. */
    loginAs(personId: number | null, authTime: Date | null = new Date()) {
      session = personId === null ? null : { personId, authTime };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await f.close();
    },
  };
}

export type OidcTestbed = Awaited<ReturnType<typeof createOidcTestbed>>;
