import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createPersonalToken } from "@/lib/domain/api-tokens/tokens";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { getSpaceSettings, invalidateSpaceSettings } from "@/lib/domain/settings/space-settings";
import { settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import { handleApiRequest } from "./http";

// The environment's list: only the first default, until an admin saves the settings page.
const FROM_ENV = vi.hoisted(() => {
  process.env.API_CORS_ORIGINS = "https://from-env.example";
  return "https://from-env.example";
});

let f: DemoDatabase;
let token: string;
const ALLOWED = "https://dashboard.example.org";

beforeAll(async () => {
  f = await createDemoDatabase();
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
    const ok = await send("OPTIONS", "/open-status", {
      origin: ALLOWED,
      "access-control-request-method": "PUT",
      "access-control-request-headers": "authorization, content-type",
    });
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
    expect(
      (await send("OPTIONS", "/machines", { origin: ALLOWED, "access-control-request-method": "GET" }, [])).headers.get("access-control-allow-origin"),
    ).toBeNull();
    // A method the path does not have is not offered; an unknown path is a 404.
    expect(
      (await send("OPTIONS", "/machines", { origin: ALLOWED, "access-control-request-method": "DELETE" })).headers.get("access-control-allow-origin"),
    ).toBeNull();
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

describe("the origins are a saved setting (the settings page), the environment only their first default", () => {
  const SYSTEM = { personId: null, permissions: new Set<string>() };
  /** As the route runs it: no origins passed, so the saved settings decide. */
  const allowedBy = async (origin: string) =>
    (
      await handleApiRequest(
        f.db,
        new Request("http://space.test/api/v1/machines", { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } }),
        { rateLimit: 1000 },
      )
    ).headers.get("access-control-allow-origin");
  /** What the settings form sends, with or without the origins field. */
  const raw = (apiCorsOrigins?: string) => ({
    ...{ name: "Lab", logoUrl: "", address: "", latitude: "", longitude: "", timeZone: "Europe/Vienna", yearStartMonth: "1", yearStartDay: "1" },
    ...{ contactEmail: "", boardEmail: "", website: "", defaultLanguage: "en", mailFrom: "lab@example.org", smtpHost: "", smtpPort: "", smtpSecure: false },
    ...{
      smtpUser: "",
      smtpPassword: "",
      clearSmtpPassword: false,
      retentionAuditMonths: "120",
      retentionLoginAttemptsDays: "30",
      backupKeepDaily: "7",
      backupKeepWeekly: "4",
    },
    ...(apiCorsOrigins === undefined ? {} : { apiCorsOrigins }),
  });
  const form = async (apiCorsOrigins?: string) => settingsInputSchema.parse(raw(apiCorsOrigins));

  it("follows API_CORS_ORIGINS until saved; then what the admin saved wins, also an empty list", async () => {
    invalidateSpaceSettings(f.db);
    expect(await allowedBy(FROM_ENV)).toBe(FROM_ENV);
    expect(await allowedBy(ALLOWED)).toBeNull();

    await updateSpaceSettings(f.db, SYSTEM, await form("https://Dashboard.example.org/\nhttp://localhost:5173"));
    expect((await getSpaceSettings(f.db)).apiCorsOrigins).toEqual([ALLOWED, "http://localhost:5173"]);
    expect(await allowedBy(ALLOWED)).toBe(ALLOWED);
    expect(await allowedBy("http://localhost:5173")).toBe("http://localhost:5173");
    expect(await allowedBy(FROM_ENV)).toBeNull();
    const [audit] = await f.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.update"));
    expect(audit!.after).toMatchObject({ apiCorsOrigins: [ALLOWED, "http://localhost:5173"] });

    // A caller that does not send the field (an older form) keeps the list.
    await updateSpaceSettings(f.db, SYSTEM, await form());
    expect(await allowedBy(ALLOWED)).toBe(ALLOWED);

    await updateSpaceSettings(f.db, SYSTEM, await form(""));
    expect(await allowedBy(ALLOWED)).toBeNull();
    expect(await allowedBy(FROM_ENV)).toBeNull();
  });

  it("refuses a list with '*', a path or a non-origin, naming the entry for the form's message", async () => {
    for (const [text, code, entry] of [
      ["https://ok.example\n*", "corsOrigin.wildcard", "*"],
      ["https://dashboard.example.org/app", "corsOrigin.path", "https://dashboard.example.org/app"],
      ["dashboard.example.org", "corsOrigin.notOrigin", "dashboard.example.org"],
    ] as const) {
      const parsed = settingsInputSchema.safeParse(raw(text));
      expect(parsed.success).toBe(false);
      const issue = parsed.error!.issues.find((i) => i.path[0] === "apiCorsOrigins")!;
      expect(issue).toMatchObject({ message: code, params: { entry } });
    }
  });
});
