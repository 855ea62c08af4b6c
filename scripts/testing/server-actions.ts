import fs from "node:fs";
import path from "node:path";
import { vi } from "vitest";
import type { z } from "zod";

/*
 * Server actions called in a test without Next.js: Next.js and Auth.js replaced by a session that says who is
 * asking and the database the actions get, and every action made by defineAction remembered with its spec.
 * Import it first in a test file (or in the harness a test file imports first): its mocks must be in place before
 * any action is loaded. Used by the authorization suite (authorization-matrix.ts) and the form answers
 * (app/form-answers.harness.ts).
 */

const session = vi.hoisted(() => ({ db: null as unknown, personId: null as number | null, sessionVersion: 0 }));
/** Who the mocked session says is asking, and the database the actions get. */
export const state = session;

/** What redirect(), forbidden(), unauthorized() and notFound() throw. */
export class NextSignal extends Error {
  constructor(
    readonly kind: "redirect" | "forbidden" | "unauthorized" | "notFound",
    readonly url = "",
  ) {
    super(`${kind} ${url}`);
  }
}
const signals = vi.hoisted(() => ({ make: null as null | ((kind: string, url?: string) => Error) }));

vi.mock("@/lib/web/db", () => ({ getDb: () => session.db }));
vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {}, AuthError: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (session.personId === null ? null : { user: { id: String(session.personId) }, sessionVersion: session.sessionVersion }),
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
// Work after the response (a reset mail) runs at once: there is no request scope to run it after.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: Promise<unknown> | (() => unknown)) => void Promise.resolve(typeof task === "function" ? task() : task).catch(() => undefined),
}));
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

/** What the tests read of a defineAction spec. */
export interface DeclaredSpec {
  caller: string;
  input: z.ZodType;
  bound?: z.ZodType;
  labels?: Record<string, string>;
  fields?: Record<string, string>;
  read?(formData: FormData): unknown;
  run(ctx: { actor: unknown; db: unknown; t: unknown; input: unknown; formData: FormData }, ...bound: unknown[]): Promise<unknown>;
}

/** Every action made by defineAction, with its spec (its declared caller, its bound arguments' schema). */
const specs = vi.hoisted(() => new Map<unknown, DeclaredSpec>());
export const declared = specs;
vi.mock("@/lib/web/action", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/web/action")>();
  return {
    ...original,
    defineAction: ((spec: DeclaredSpec) => {
      const action = (original.defineAction as (s: unknown) => unknown)(spec);
      specs.set(action, spec);
      return action;
    }) as typeof original.defineAction,
  };
});
signals.make = (kind, url) => new NextSignal(kind as NextSignal["kind"], url);

export const root = path.resolve(import.meta.dirname, "../..");
/** The source files (no tests) under a folder of the repository that pass `test`, as paths from the root. */
export function filesUnder(dir: string, test: (rel: string, source: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel, test);
    if (!/\.tsx?$/.test(entry.name) || entry.name.includes(".test.")) return [];
    return test(rel, fs.readFileSync(path.join(root, rel), "utf8")) ? [rel] : [];
  });
}
/** Every "use server" file under app/. */
export const actionFiles = (): string[] => filesUnder("app", (_rel, source) => /^\s*["']use server["']/.test(source));
