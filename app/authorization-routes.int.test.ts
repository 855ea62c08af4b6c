import { as, asDesk, filesUnder, lets, narrowed, root, ROLES, setUpRoles } from "@/scripts/testing/authorization-matrix";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { profiles } from "@/lib/db/schema";
import type { DemoDatabase } from "@/lib/db/testing/demo-database";
import { setPersonPhoto } from "@/lib/domain/people/person-photo";
import { localFileStorage } from "@/lib/storage/file-storage";
import { ROUTE_GATES, ROUTE_VARIANTS } from "@/scripts/testing/authorization-gates";

// Uploads (people's photos) in a folder of this run's own, not under the checkout's DATA_DIR.
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "ms-routes-uploads-"));
vi.mock("@/lib/storage/storage-from-env", () => ({ getFileStorage: () => localFileStorage(uploads) }));

/*
 * The authorization suite for route handlers, generated from the code: every handler of every app/**\/route.ts
 * (each /api/v1 endpoint through its route) is called as anonymous, applicant, member, trainer, staff and a former
 * and a banned member with their old session, and must refuse everyone its gate (scripts/testing/authorization-gates.ts)
 * does not let in, and let in everyone it does. A new route without a gate fails here.
 */

let db: DemoDatabase["db"];
let close: () => Promise<void>;
beforeAll(async () => {
  const t = await setUpRoles();
  db = t.db;
  close = () => t.close();
});
afterAll(async () => {
  await close?.();
  fs.rmSync(uploads, { recursive: true, force: true });
});

const routeFiles = filesUnder("app", (rel) => /\/route\.ts$/.test(rel));

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

  it("a person's export answers a people desk not found for someone outside their view rights, and exports someone inside", async () => {
    const { GET } = (await import("./(admin)/admin/people/[id]/export/route")) as {
      GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>;
    };
    const status = async (id: number) => {
      const answer = await asDesk(() =>
        GET(new Request(`http://localhost/admin/people/${id}/export?format=json`), { params: Promise.resolve({ id: String(id) }) }),
      );
      return (answer as Response).status;
    };
    expect(await status(narrowed.outside)).toBe(404);
    expect(await status(narrowed.inside)).toBe(200);
  });

  it("a person's photo answers only whom their photo's visibility reaches, within the viewer's view rights; others as for no photo", async () => {
    const { GET } = (await import("./(member)/people/[id]/photo/[size]/route")) as {
      GET: (r: Request, c: { params: Promise<{ id: string; size: string }> }) => Promise<Response>;
    };
    const image = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
    for (const id of [narrowed.inside, narrowed.outside]) expect(await setPersonPhoto(db, localFileStorage(uploads), id, id, image)).toEqual({ ok: true });
    const call = (id: number) => GET(new Request(`http://localhost/people/${id}/photo/thumb`), { params: Promise.resolve({ id: String(id), size: "thumb" }) });
    const deskStatus = async (id: number) => ((await asDesk(() => call(id))) as Response).status;
    const memberSees = async (id: number) => (await as("member", () => call(id))).detail;
    // The desk sees members only: the applicant's photo is as absent as a photo nobody has.
    expect(await deskStatus(narrowed.outside)).toBe(404);
    expect(await deskStatus(999_999)).toBe(404);
    expect(await deskStatus(narrowed.inside)).toBe(200);
    expect(await memberSees(narrowed.inside)).toBe("HTTP 200");
    try {
      // Only the board: a fellow member no longer gets it, the desk (members.read, inside its rights) still does.
      await db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, narrowed.inside));
      expect(await memberSees(narrowed.inside)).toBe("HTTP 404");
      expect(await deskStatus(narrowed.inside)).toBe(200);
      await db
        .update(profiles)
        .set({ boardOnly: false, visibility: { photo: "board" } })
        .where(eq(profiles.personId, narrowed.inside));
      expect(await memberSees(narrowed.inside)).toBe("HTTP 404");
      // A name and photo shown to everyone reach the desk outside its rights too.
      await db
        .update(profiles)
        .set({ visibility: { name: "public", photo: "public" } })
        .where(eq(profiles.personId, narrowed.outside));
      expect(await deskStatus(narrowed.outside)).toBe(200);
    } finally {
      await db.update(profiles).set({ boardOnly: false, visibility: {} }).where(eq(profiles.personId, narrowed.inside));
      await db.update(profiles).set({ visibility: {} }).where(eq(profiles.personId, narrowed.outside));
    }
  });
});
