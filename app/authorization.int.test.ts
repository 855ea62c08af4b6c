import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { accounts, machines, personRoles, roles } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import type { Permission } from "@/lib/domain/access/permissions";
import { createPerson } from "@/lib/domain/people/create-person";
import { ACTION_CASES, ROUTE_GATES, ROUTE_VARIANTS, type ActionCase, type Gate } from "@/scripts/testing/authorization-gates";

/*
 * The authorization suite, generated from the code: every server action (each export of a "use server" file under
 * app/) and every route handler (app/**\/route.ts) is called as anonymous, applicant, member, trainer, staff
 * (members.write) and a former and a banned member with their old session, and must refuse everyone its gate does
 * not let in, and let in everyone it does. The gate of an action made by defineAction is its declared `caller` (the
 * domain may refuse more: only the refusals are asserted there); the others' gates are in scripts/testing/authorization-gates.ts.
 * A new action or route without a gate fails here.
 */

const state = vi.hoisted(() => ({ db: null as unknown, personId: null as number | null, sessionVersion: 0 }));

class NextSignal extends Error {
  constructor(
    readonly kind: "redirect" | "forbidden" | "unauthorized" | "notFound",
    readonly url = "",
  ) {
    super(`${kind} ${url}`);
  }
}
const signals = vi.hoisted(() => ({ make: null as null | ((kind: string, url?: string) => Error) }));

vi.mock("@/lib/web/db", () => ({ getDb: () => state.db }));
vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {}, AuthError: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (state.personId === null ? null : { user: { id: String(state.personId) }, sessionVersion: state.sessionVersion }),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1", host: "localhost" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [],
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
      has: (name: string) => jar.has(name),
    }),
  };
});
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw signals.make!("redirect", url);
  },
  permanentRedirect: (url: string) => {
    throw signals.make!("redirect", url);
  },
  forbidden: () => {
    throw signals.make!("forbidden");
  },
  unauthorized: () => {
    throw signals.make!("unauthorized");
  },
  notFound: () => {
    throw signals.make!("notFound");
  },
}));
/** Every action made by defineAction, with its declared caller. */
const declared = vi.hoisted(() => new Map<unknown, string>());
vi.mock("@/lib/web/action", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/web/action")>();
  return {
    ...original,
    defineAction: ((spec: { caller: string }) => {
      const action = (original.defineAction as (s: unknown) => unknown)(spec);
      declared.set(action, spec.caller);
      return action;
    }) as typeof original.defineAction,
  };
});
signals.make = (kind, url) => new NextSignal(kind as NextSignal["kind"], url);

const ROLES = ["anonymous", "applicant", "member", "trainer", "staff", "former", "banned"] as const;
type Role = (typeof ROLES)[number];
let t: TestDatabase;
const personOf = new Map<Role, number | null>();
const permissionsOf = new Map<Role, ReadonlySet<Permission>>();

const root = path.resolve(import.meta.dirname, "..");
function filesUnder(dir: string, test: (rel: string, source: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel, test);
    if (!/\.tsx?$/.test(entry.name) || entry.name.includes(".test.")) return [];
    return test(rel, fs.readFileSync(path.join(root, rel), "utf8")) ? [rel] : [];
  });
}
const actionFiles = filesUnder("app", (_rel, source) => /^\s*["']use server["']/.test(source));
const routeFiles = filesUnder("app", (rel) => /\/route\.ts$/.test(rel));

/** A gate lets a role in: anyone; any logged-in person; or one holding the permission (any of them). */
function lets(gate: Gate, role: Role): boolean {
  if (gate === "anyone") return true;
  if (gate === "credential") return false;
  if (personOf.get(role) === null || role === "former" || role === "banned") return false;
  if (gate === "user") return true;
  const wanted = Array.isArray(gate) ? gate : [gate];
  return wanted.some((p) => permissionsOf.get(role)!.has(p as Permission));
}

const REFUSAL_CODES = new Set(["forbidden", "unauthenticated", "unauthorized", "not_logged_in", "login_required"]);
type Outcome = { refused: boolean; detail: string };

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call();
    if (result instanceof Response) {
      const location = result.headers.get("location") ?? "";
      const refused = result.status === 401 || result.status === 403 || (result.status >= 300 && result.status < 400 && /\/login\b/.test(location));
      return { refused, detail: `HTTP ${result.status}` };
    }
    // Some actions answer { result: ActionResult, … } (imports with a preview).
    const answer = result && typeof result === "object" && "result" in result ? (result as { result: unknown }).result : result;
    if (answer && typeof answer === "object" && "ok" in answer && answer.ok === false) {
      const code = (answer as { code?: unknown }).code;
      // A refusal without a code (a step of the bulk invitation) is a refusal of the caller.
      return { refused: code === undefined || REFUSAL_CODES.has(String(code)), detail: `refusal ${String(code)}` };
    }
    return { refused: false, detail: "ok" };
  } catch (error) {
    if (error instanceof NextSignal) {
      if (error.kind === "redirect") return { refused: /^\/login\b/.test(error.url), detail: `redirect ${error.url}` };
      return { refused: error.kind !== "notFound", detail: error.kind };
    }
    return { refused: false, detail: `threw ${(error as Error).message?.slice(0, 80)}` };
  }
}

async function as<T>(role: Role, call: () => Promise<T>): Promise<Outcome> {
  const personId = personOf.get(role) ?? null;
  state.personId = personId;
  // The session the person logged in with: current for people who may log in, so an action that ends sessions
  // (log out, new password) does not end the matrix; the former and banned keep the one from before.
  state.sessionVersion =
    personId === null ? 0 : ((await t.db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, personId)))[0]?.v ?? 0);
  if (role === "former" || role === "banned") state.sessionVersion = 0;
  return outcomeOf(call);
}

let machineId = 0;
function formOf(values: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value === "$machine" ? String(machineId) : value);
  return form;
}

/**
 * Arguments for a hand-written action: its case's, else from its parameter names — bound ids (of a row that does
 * not exist, so nothing real changes), the previous result, the form (the case's values).
 */
function argumentsFor(fn: (...args: unknown[]) => unknown, spec: ActionCase | undefined): unknown[] {
  if (spec?.args) return spec.args;
  const names =
    /\(([^)]*)\)/
      .exec(fn.toString())?.[1]
      ?.split(",")
      .map((s) => s.trim().replace(/[=:].*$/, ""))
      .filter(Boolean) ?? [];
  return names.map((name) => (/form|data$/i.test(name) ? formOf(spec?.form) : /prev|state|previous|result|^_/i.test(name) ? null : 999_999));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  state.db = t.db;
  machineId = (await t.db.select({ id: machines.id }).from(machines).limit(1))[0]!.id;
  const id = async (email: string) => (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, email)))[0]!.personId;
  const staff = await createPerson(t.db, {
    statusKey: "member",
    firstName: "Stella",
    lastName: "Staff",
    email: "staff@matrix.test",
    password: "matrix-password-1",
  });
  const [staffRole] = await t.db.select().from(roles).where(eq(roles.key, "staff"));
  await t.db.insert(personRoles).values({ personId: staff.personId, roleId: staffRole!.id });
  const former = await createPerson(t.db, {
    statusKey: "former",
    firstName: "Fred",
    lastName: "Former",
    email: "former@matrix.test",
    password: "matrix-password-1",
  });
  const banned = await createPerson(t.db, {
    statusKey: "banned",
    firstName: "Bea",
    lastName: "Banned",
    email: "banned@matrix.test",
    password: "matrix-password-1",
  });
  personOf.set("anonymous", null);
  personOf.set("applicant", await id("applicant@makerspace.local"));
  personOf.set("member", await id("member@makerspace.local"));
  personOf.set("trainer", await id("trainer@makerspace.local"));
  personOf.set("staff", staff.personId);
  personOf.set("former", former.personId);
  personOf.set("banned", banned.personId);
  const { permissionsOfPerson } = await import("@/lib/domain/access/person-permissions");
  for (const role of ROLES) permissionsOf.set(role, personOf.get(role) ? await permissionsOfPerson(t.db, personOf.get(role)!) : new Set());
});
afterAll(() => t?.close());

describe("authorization matrix: server actions", () => {
  it("finds the server actions and each has a gate", async () => {
    expect(actionFiles.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function" || declared.has(value)) continue;
        if (!(`${file}#${name}` in ACTION_CASES)) missing.push(`${file}#${name}`);
      }
    }
    expect(missing, "give each a gate in scripts/testing/authorization-gates.ts").toEqual([]);
  });

  it.each(actionFiles)("%s: every action refuses each role its gate does not let in", async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const wrong: string[] = [];
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      const action = value as (...args: unknown[]) => Promise<unknown>;
      const made = declared.get(action);
      const spec = ACTION_CASES[`${file}#${name}`];
      if (made === undefined && spec === undefined) continue; // the test above names it
      const gate = (made ?? spec!.gate) as Gate;
      for (const role of ROLES) {
        // Fresh arguments per call: a form is read once.
        const outcome = await as(role, () => action(...(made !== undefined ? [null, new FormData()] : argumentsFor(action, spec))));
        // defineAction's caller is the least the action asks; its domain may refuse more.
        if (made !== undefined && outcome.refused && lets(gate, role)) continue;
        const letIn = lets(gate, role) || (spec?.alsoLets?.includes(role) ?? false);
        if (outcome.refused === letIn)
          wrong.push(`${name} as ${role}: ${outcome.refused ? "refused" : "let in"} (${outcome.detail}), gate ${JSON.stringify(gate)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** A request for a route file: its dynamic segments filled with a row that does not exist, or a wrong token. */
function requestFor(file: string, method: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = file
    .replace(/^app\//, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((segment) => {
      const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
      if (!dynamic) return segment;
      const value = dynamic[2] === "size" ? "small" : dynamic[2] === "token" ? "not-a-feed-token" : "999999";
      params[dynamic[2]!] = dynamic[1] ? [value] : value;
      return value;
    });
  void method;
  return { url: `http://localhost/${segments.join("/")}`, params };
}

describe("authorization matrix: route handlers", () => {
  it("every route handler has a gate", async () => {
    expect(routeFiles.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const file of routeFiles.filter((f) => !f.startsWith("app/api/v1/"))) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const method of METHODS) if (typeof mod[method] === "function" && !(`${file}#${method}` in ROUTE_GATES)) missing.push(`${file}#${method}`);
    }
    expect(missing, "give each a gate in scripts/testing/authorization-gates.ts").toEqual([]);
  });

  it.each(routeFiles.filter((f) => !f.startsWith("app/api/v1/")))("%s refuses each role its gate does not let in", async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const wrong: string[] = [];
    for (const method of METHODS) {
      const handler = mod[method] as ((request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) | undefined;
      const bare = ROUTE_GATES[`${file}#${method}`];
      if (typeof handler !== "function" || bare === undefined) continue;
      for (const { query, gate } of [{ query: "", gate: bare }, ...(ROUTE_VARIANTS[`${file}#${method}`] ?? [])])
        for (const role of ROLES) {
          const { url: base, params } = requestFor(file, method);
          const url = query ? `${base}?${query}` : base;
          const controller = new AbortController();
          const outcome = await as(role, async () => {
            const response = await handler(
              new Request(url, { method, signal: controller.signal, ...(method === "POST" || method === "PUT" ? { body: new FormData() } : {}) }),
              { params: Promise.resolve(params) },
            );
            controller.abort(); // an event stream stops here
            await response.body?.cancel().catch(() => undefined);
            return response;
          });
          // Without the credential the answer is whatever 4xx the protocol says (404 for a feed, 400/401 for OIDC).
          if (gate === "credential" && /^HTTP 4/.test(outcome.detail)) outcome.refused = true;
          if (outcome.refused === lets(gate, role))
            wrong.push(`${method} ${query} as ${role}: ${outcome.refused ? "refused" : "let in"} (${outcome.detail}), gate ${JSON.stringify(gate)}`);
        }
    }
    expect(wrong).toEqual([]);
  });

  it("the API takes tokens only: a session of any role gets no endpoint but the public document", async () => {
    const { ENDPOINTS } = await import("@/lib/api/v1/endpoints");
    const route = (await import("./api/v1/[...path]/route")) as unknown as Record<string, (request: Request) => Promise<Response>>;
    const wrong: string[] = [];
    for (const endpoint of ENDPOINTS) {
      const url = `http://localhost/api/v1${endpoint.path.replace(/\{\w+\}/g, "999999")}`;
      for (const role of ROLES) {
        const outcome = await as(role, () =>
          route[endpoint.method]!(
            new Request(url, {
              method: endpoint.method,
              ...(endpoint.method === "PUT" ? { body: "{}", headers: { "content-type": "application/json" } } : {}),
            }),
          ),
        );
        if (outcome.refused === (endpoint.auth === "public")) wrong.push(`${endpoint.method} ${endpoint.path} as ${role}: ${outcome.detail}`);
      }
    }
    expect(ENDPOINTS.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
