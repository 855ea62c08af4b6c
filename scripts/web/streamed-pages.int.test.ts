import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";
import { spaceSettings } from "@/lib/db/schema";
import { settingsFromEnv } from "@/lib/domain/settings/space-settings";
import { parseEnv } from "@/lib/env";
import { createDemoDatabase, DEMO_PASSWORD, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { submitForm } from "../testing/forms";
import { failedWhileStreaming, rawRequest, startWebApp, type WebApp } from "../testing/web-app";

/*
 * The pages that stream a slow part (components/ui/loading.tsx LoadingBoundary) answer their guards before the
 * response starts: on the built server a visitor still gets a redirect, a member on an admin page a 403, an unknown
 * id a 404 — as status codes, not a 200 that carries the not-found page or a redirect left to the browser.
 * The machines dashboard is made members-only here (before the start: the web keeps the settings a while), so that
 * its redirect is seen too.
 */
const LOADING = "Loading …";

let t: DemoDatabase;
let app: WebApp;
const cookies: Record<"admin" | "member", string> = { admin: "", member: "" };

async function logIn(email: string): Promise<string> {
  const login = await submitForm(app.port, "/login", { email, password: DEMO_PASSWORD });
  return ([] as string[])
    .concat(login.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token"))
    .join("; ");
}

const get = (path: string, who?: keyof typeof cookies) => rawRequest(app.port, { path, headers: who ? { cookie: cookies[who] } : {} });

beforeAll(async () => {
  t = await createDemoDatabase();
  // The saved setting, not the environment (which only seeds a space without settings): the environment says
  // public, so a web that ignored the saved choice would show the dashboard to a visitor.
  const { updatedAt: _u, ...defaults } = settingsFromEnv(parseEnv({}));
  await t.db.insert(spaceSettings).values({ ...defaults, machinesDashboardPublic: false });
  app = await startWebApp(t.url, { MACHINES_DASHBOARD_PUBLIC: "true" });
  cookies.admin = await logIn("admin@makerspace.local");
  cookies.member = await logIn("member@makerspace.local");
  expect(cookies.admin && cookies.member, "both are logged in").toBeTruthy();
}, 15 * 60_000);
afterAll(async () => {
  await app?.stop();
  await t?.close();
});

describe("streamed pages keep their status codes", () => {
  it("redirect a visitor to the login (307), coming back afterwards", async () => {
    for (const [path, login] of [
      ["/admin/people?q=mario", "/login?next=%2Fadmin%2Fpeople%3Fq%3Dmario"],
      ["/things?q=drill", "/login?next=%2Fthings%3Fq%3Ddrill"],
      ["/machines", "/login"],
      ["/admin/usage?person=1", "/login?next=%2Fadmin%2Fusage%3Fperson%3D1"],
    ] as const) {
      const answer = await get(path);
      expect(answer.status, path).toBe(307);
      expect(answer.headers.location, path).toBe(login);
      expect(answer.body, path).not.toContain(LOADING);
    }
  });

  it("refuse a member on the admin pages with 403 and the not-allowed page, without a loading part", async () => {
    for (const path of ["/admin/people", "/admin/people?q=mario&page=2", "/admin/usage"]) {
      const answer = await get(path, "member");
      expect(answer.status, path).toBe(403);
      expect(answer.body, path).toContain("Not allowed");
      expect(answer.body, path).not.toContain(LOADING);
    }
  });

  it("answer 404 for an unknown person, event, room, machine or thing (no route streams before its lookups)", async () => {
    for (const [path, who] of [
      ["/people/nobody-by-this-name", undefined],
      ["/events/999999", undefined],
      ["/rooms/999999", undefined],
      ["/machines/999999", "member"],
      ["/things/999999", "admin"],
      ["/admin/people/999999", "admin"],
    ] as const) {
      const answer = await get(path, who);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).toContain("Page not found");
    }
  });

  it("send the page's frame with the loading status first and the slow part after it, then whole", async () => {
    const answer = await get("/admin/people", "admin");
    expect(answer.status).toBe(200);
    const frame = answer.body.indexOf("<h1");
    const fallback = answer.body.indexOf(LOADING);
    // React streams a late part as a hidden div after the fallback, then swaps it in ($RC). The people's table is
    // only in the part (the frame holds the title and the filter).
    const part = answer.body.indexOf("<table");
    expect(frame).toBeGreaterThan(-1);
    expect(fallback).toBeGreaterThan(frame);
    expect(part).toBeGreaterThan(fallback);
    expect(/<div hidden id="S:\d+">/.test(answer.body.slice(fallback, part)), "the part comes as a hidden div after the fallback").toBe(true);
  });

  it("show the streamed pages' parts to those who may see them", async () => {
    for (const [path, who, shows] of [
      ["/admin/people?q=mario", "admin", "Mario"],
      ["/things", "admin", "things"],
      ["/machines", "member", "LASER 1"],
      ["/calendar?view=agenda", undefined, "Calendar"],
      ["/people", undefined, "Our members"],
    ] as const) {
      const answer = await get(path, who);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toContain(shows);
    }
  });

  it("a slow part that fails after the frame went out: the body says so, and the log has its reference", async () => {
    const healthy = await get("/things", "admin");
    expect(failedWhileStreaming(healthy.body)).toBe(false);
    // Only the streamed part reads the things table: the guard and the filter's lists still answer.
    await t.db.execute(sql`alter table things rename to things_away`);
    try {
      const answer = await get("/things", "admin");
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(LOADING);
      expect(failedWhileStreaming(answer.body)).toBe(true);
      const digest = /:E\{\\"digest\\":\\"([^\\"]+)\\"/.exec(answer.body)?.[1];
      expect(digest, "the payload carries the error's digest, not its message").toBeTruthy();
      expect(answer.body).not.toContain("things_away");
      await waitFor("the web's error line with the reference", () => app.output().includes(`failed (reference ${digest})`));
    } finally {
      await t.db.execute(sql`alter table things_away rename to things`);
    }
  });

  it("the usage report: its filter offers whom it narrows to in the frame, before the totals stream in, and still when they fail", async () => {
    const mario = /<option value="\d+">Mario Rossi<\/option>/;
    // An hour of Mario's on LASER 1 (the demo data has no use yet).
    await t.db.execute(sql`
      insert into usage_sessions (machine_id, person_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, ended_because, last_heartbeat_at, opened_by_event_at)
      select m.id, p.person_id, 'efbeadde', now() - interval '2 hours', now() - interval '1 hour', 3600, 'live', 'stop', now() - interval '1 hour', now() - interval '2 hours'
      from machines m, profiles p where m.name = 'LASER 1' and p.first_name = 'Mario' and p.last_name = 'Rossi'`);
    const answer = await get("/admin/usage", "admin");
    expect(answer.status).toBe(200);
    const option = answer.body.search(mario);
    const fallback = answer.body.indexOf(LOADING);
    const totals = answer.body.indexOf("Per person");
    expect(option, "the filter offers Mario").toBeGreaterThan(-1);
    expect(fallback, "the frame with the filter comes before the loading status").toBeGreaterThan(option);
    expect(totals, "the totals come in the streamed part").toBeGreaterThan(fallback);
    // Only the sessions' sums and list read their durations: the frame's people are found without them.
    await t.db.execute(sql`alter table usage_sessions rename column duration_seconds to duration_seconds_away`);
    try {
      const failing = await get("/admin/usage", "admin");
      expect(failing.status).toBe(200);
      expect(failing.body, "the filter does not wait on the totals").toMatch(mario);
      expect(failedWhileStreaming(failing.body)).toBe(true);
      expect(failing.body).not.toContain("duration_seconds");
    } finally {
      await t.db.execute(sql`alter table usage_sessions rename column duration_seconds_away to duration_seconds`);
    }
  });
});
