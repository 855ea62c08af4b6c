import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { rawRequest, startWebApp, type WebApp } from "../testing/web-app";

// Every kind of response of the built web server carries the security headers.
let t: DemoDatabase;
let app: WebApp;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await startWebApp(t.url);
}, 15 * 60_000);
afterAll(async () => {
  await app?.stop();
  await t?.close();
});

function expectSecurityHeaders(path: string, headers: Record<string, string | string[] | undefined>): string {
  const csp = String(headers["content-security-policy"] ?? "");
  expect(csp, path).toMatch(/frame-ancestors 'none'/);
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts, path).not.toContain("unsafe-inline");
  expect(scripts, path).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  expect(headers["strict-transport-security"], path).toBeUndefined(); // plain HTTP here; HTTPS: web-server.int.test.ts
  return csp;
}

describe("security headers", () => {
  it("on pages, with the page's scripts carrying this response's nonce, a fresh one each time", { timeout: 120_000 }, async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/login", "/signup", "/forgot-password", "/calendar", "/machines", "/news"]) {
      const r = await rawRequest(app.port, { path });
      expect(r.status, path).toBeLessThan(500);
      const csp = expectSecurityHeaders(path, r.headers);
      const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
      nonces.add(nonce);
      const scripts = [...r.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      if (r.status === 200) expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(7);
  });

  it("on route handlers, feeds, static files, redirects and errors", { timeout: 120_000 }, async () => {
    const page = await rawRequest(app.port, { path: "/login" });
    const asset = page.body.match(/\/_next\/static\/[^"']+\.js/)![0];
    for (const path of [
      "/api/health",
      "/spaceapi.json",
      "/news.xml",
      "/calendar.ics",
      "/icon.svg",
      asset,
      "/no-such-page",
      "/feeds/not-a-token/calendar.ics",
      "/admin/people",
    ]) {
      const r = await rawRequest(app.port, { path });
      expect(r.status, path).toBeLessThan(500);
      expectSecurityHeaders(path, r.headers);
    }
  });

  it("a client's own CSP request header cannot choose the nonce", { timeout: 60_000 }, async () => {
    const r = await rawRequest(app.port, { path: "/login", headers: { "content-security-policy": "script-src 'nonce-attacker'" } });
    expect(r.body).not.toContain('nonce="attacker"');
    expect(String(r.headers["content-security-policy"])).not.toContain("attacker");
  });
});
