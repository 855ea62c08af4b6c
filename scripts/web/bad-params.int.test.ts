import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { submitForm } from "../testing/forms";
import { failedWhileStreaming, rawRequest, startWebApp, type WebApp } from "../testing/web-app";

// Bad addresses and query parameters get 400, 403 or 404 (or the page, ignoring them), never a 500 (nor a failure
// inside a streamed part, which comes with the 200 already sent): on every page
// and route handler under app/, found on disk so that a new one is covered without a line here.
const appDir = path.resolve(import.meta.dirname, "..", "..", "app");
const HUGE = "99999999999"; // a safe integer, but beyond PostgreSQL's integer: the database would refuse it
const GARBAGE = [
  "?q=%00x&page=99999999999999999999&person=99999999999&personId=-1&machine=99999999999&machineId=x&type=99999999999&status=nope&view=nope&sort=nope&dir=nope",
  "?from=garbage&to=9999-99-99&date=0000-00-00&day=2027-02-30&month=13&year=99999999&since=yesterday&until=%FF",
  "?room=99999999999&category=99999999999&location=99999999999&entity=nope&actor=99999999999&subject=99999999999&change=%3Cscript%3E&format=nope&kind=nope&level=nope&upload=99999999999&error=nope&cursor=%7B&limit=-5",
  "?room=1&room=2&page=1&page=x&date=2027-01-01&date=x&view=month&view=x&q=a&q=b",
  "?q=%00&actor=a%00&person=%00b&search=%00&name=%00&email=%00&type=%00&status=%00",
]; // PostgreSQL refuses NUL in text

/** Every GET-able path of the app with its dynamic segments filled in with `fill`. */
function routes(fill: (segment: string) => string): string[] {
  const found: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("_") || name === "api") continue; // the API has its own parameter tests (lib/api/v1)
        const part = /^\(.*\)$/.test(name) ? "" : `/${/^\[.*\]$/.test(name) ? fill(name) : name}`;
        walk(path.join(dir, name), url + part);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        found.push(url || "/");
      }
    }
  };
  walk(appDir, "");
  return [...new Set(found)].sort();
}

const fills: Record<string, (segment: string) => string> = {
  huge: (s) => (s === "[size]" ? "small" : s === "[token]" ? "x".repeat(43) : HUGE),
  words: (s) => (s === "[size]" ? "huge" : s === "[token]" ? "%3Cnot-a-token%3E" : "not-a-number"),
  negative: (s) => (s === "[size]" ? "small" : s === "[token]" ? "-1" : "-1"),
};

let t: DemoDatabase;
let app: WebApp;
let adminCookie = "";

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await startWebApp(t.url);
  const login = await submitForm(app.port, "/login", { email: "admin@makerspace.local", password: "demo-password-123" });
  const cookies = ([] as string[]).concat(login.headers["set-cookie"] ?? []);
  adminCookie = cookies
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token"))
    .join("; ");
  expect(adminCookie, "the admin is logged in").not.toBe("");
}, 15 * 60_000);
afterAll(async () => {
  await app?.stop();
  await t?.close();
});

async function serverErrors(paths: string[], headers: Record<string, string>): Promise<string[]> {
  const failed: string[] = [];
  for (const p of paths) {
    const r = await rawRequest(app.port, { path: p, headers });
    if (r.status >= 500) failed.push(`${r.status} ${p}`);
    // A part streamed after the page's frame (LoadingBoundary) fails with the 200 already sent.
    else if (r.status === 200 && failedWhileStreaming(r.body)) failed.push(`${r.status}, failed while streaming: ${p}`);
  }
  return failed;
}

describe("bad parameters never give a 500", () => {
  it("the admin is really logged in (else the pages below would only redirect to the login)", async () => {
    expect((await rawRequest(app.port, { path: "/admin/people", headers: { cookie: adminCookie } })).status).toBe(200);
  });

  for (const [who, cookie] of [
    ["a visitor", () => ""],
    ["the admin", () => adminCookie],
  ] as const) {
    it(`ids that are huge, words or negative in every dynamic segment, for ${who}`, { timeout: 600_000 }, async () => {
      const paths = Object.values(fills).flatMap((fill) =>
        routes(fill).filter((p) => p.includes(HUGE) || p.includes("not-a-number") || p.includes("-1") || p.includes("%3C")),
      );
      expect(paths.length).toBeGreaterThan(30);
      expect(await serverErrors(paths, cookie() ? { cookie: cookie() } : {})).toEqual([]);
    });

    it(`garbage, huge and repeated query parameters on every page, for ${who}`, { timeout: 600_000 }, async () => {
      const paths = routes(fills.huge!)
        .filter((p) => !p.includes(HUGE))
        .flatMap((p) => GARBAGE.map((q) => p + q));
      expect(await serverErrors(paths, cookie() ? { cookie: cookie() } : {})).toEqual([]);
    });
  }

  it("a bad id is a 404, not an empty page", async () => {
    for (const p of [
      `/events/${HUGE}`,
      "/events/abc",
      "/things/no-such-thing",
      `/rooms/${HUGE}`,
      `/news/${HUGE}`,
      `/admin/people/${HUGE}`,
      `/admin/equipment/machines/${HUGE}`,
      `/rooms/${HUGE}/calendar.ics`,
    ]) {
      expect((await rawRequest(app.port, { path: p, headers: { cookie: adminCookie } })).status, p).toBe(404);
    }
  });
});
