import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonalToken } from "@/lib/domain/api-tokens/tokens";
import { createPeopleFixture, type PeopleFixture } from "@/lib/domain/people/testing/people-fixture";
import { handleApiRequest } from "./http";

let f: PeopleFixture;
let token: string;
const ALLOWED = "https://dashboard.example.org";

beforeAll(async () => {
  f = await createPeopleFixture();
  const made = await createPersonalToken(f.db, f.ids.member, { name: "dashboard", scopes: ["read:machines", "read:open-status"], expiresInDays: 30 });
  if (!made.ok) throw new Error(made.message);
  token = made.token;
});
afterAll(() => f?.close());

/** A request as the browser sends it from a page on `origin`, through the router exactly as the route runs it. */
function send(method: string, path: string, headers: Record<string, string> = {}, corsOrigins: string[] = [ALLOWED]) {
  return handleApiRequest(f.db, new Request(`http://space.test/api/v1${path}`, { method, headers }), { rateLimit: 1000, corsOrigins });
}

describe("the API from a browser page (CORS)", () => {
  it("answers a preflight only for a listed origin, with the path's methods and never credentials", async () => {
    const ok = await send("OPTIONS", "/open-status", { origin: ALLOWED, "access-control-request-method": "PUT", "access-control-request-headers": "authorization, content-type" });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, PUT");
    expect(ok.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    expect(ok.headers.get("vary")).toContain("Origin");

    for (const origin of ["https://evil.example", "https://dashboard.example.org.evil.example", "null", "http://dashboard.example.org"]) {
      const refused = await send("OPTIONS", "/open-status", { origin, "access-control-request-method": "GET" });
      expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
    // Nothing is listed by default: no origin gets in.
    expect((await send("OPTIONS", "/machines", { origin: ALLOWED, "access-control-request-method": "GET" }, [])).headers.get("access-control-allow-origin")).toBeNull();
    // A method the path does not have is not offered; an unknown path is a 404.
    expect((await send("OPTIONS", "/machines", { origin: ALLOWED, "access-control-request-method": "DELETE" })).headers.get("access-control-allow-origin")).toBeNull();
    expect((await send("OPTIONS", "/nothing-here", { origin: ALLOWED, "access-control-request-method": "GET" })).status).toBe(404);
  });

  it("lets a listed origin read answers and errors (ETag and rate headers too), never with '*'", async () => {
    const ok = await send("GET", "/machines", { origin: ALLOWED, authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(ok.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    const denied = await send("GET", "/machines", { origin: ALLOWED });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    const other = await send("GET", "/machines", { origin: "https://evil.example", authorization: `Bearer ${token}` });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("takes the token from the Authorization header only: not from the query, not from a cookie", async () => {
    for (const [path, headers] of [
      [`/machines?access_token=${token}`, {}],
      ["/machines", { cookie: `access_token=${token}; authjs.session-token=x` }],
      ["/machines", { authorization: `Basic ${Buffer.from(`x:${token}`).toString("base64")}` }],
    ] as const) {
      const r = await send("GET", path, { ...headers, origin: ALLOWED });
      expect(r.status, path).toBe(401);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
