import { validate, compileErrors } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS, openApiDocument } from "./endpoints";
import { createApiTestbed, type ApiTestbed } from "./testing/api-testbed";

let t: ApiTestbed;
let admin: string;
beforeAll(async () => {
  t = await createApiTestbed();
  admin = await t.token(t.f.ids.admin);
});
afterAll(() => t?.f.close());

type Operation = { operationId: string; responses: Record<string, unknown>; parameters: { name: string; in: string }[]; "x-scope"?: string };

/** A concrete path for a template: the ids of the testbed's rows. */
function concrete(template: string, missing = false): string {
  const values: Record<string, Record<string, number>> = {
    "/people/{id}": { id: t.f.ids.member },
    "/machines/{id}": { id: t.machineId },
    "/events/{id}": { id: t.eventId },
    "/events/{id}/registrations": { id: t.eventId },
    "/things/{number}": { number: t.thingNumber },
  };
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(missing ? 999_999 : values[template]![name]));
}

const okBody = { open: true, message: "Open evening" };

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(openApiDocument().openapi).toBe("3.1.0");
  });

  it("is served at /openapi.json and describes exactly the endpoints the router serves", async () => {
    const r = await t.call("GET", "/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const documented = Object.entries(openApiDocument().paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });
});

describe("walking every endpoint", () => {
  it("produces every documented answer of every operation, each valid against the document", async () => {
    const seen = new Map<string, Set<string>>();
    const note = (op: string, status: number, documented: Record<string, unknown>) => {
      if (!seen.has(op)) seen.set(op, new Set());
      seen.get(op)!.add(documented[String(status)] ? String(status) : "default");
    };
    const noScopeToken = await t.token(t.f.ids.admin, ["read:open-status"]);
    const writeToken = await t.token(t.f.ids.admin, ["write:open-status"]);
    for (const [template, item] of Object.entries(openApiDocument().paths as unknown as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(item)) {
        const M = method.toUpperCase();
        const path = concrete(template);
        const body = M === "PUT" ? okBody : undefined;
        const token = op["x-scope"] === "read:open-status" ? writeToken : op["x-scope"] ? noScopeToken : undefined;
        const record = async (p: Promise<{ status: number; operationId: string | null }>) => {
          const r = await p;
          note(op.operationId, r.status, op.responses);
          return r;
        };
        const ok = await record(t.call(M, path, { token: admin, body }));
        expect(ok.status, `${M} ${path}`).toBe(200);
        if (M === "GET") {
          const etag = (await t.call(M, path, { token: admin })).headers.get("etag");
          expect(etag).toBeTruthy();
          expect((await record(t.call(M, path, { token: admin, headers: { "if-none-match": etag! } }))).status).toBe(304);
        }
        expect((await record(t.call(M, `${path}?bogus=1`, { token: admin, body }))).status).toBe(400);
        await record(t.call("POST", path, { token: admin })); // 405 → default
        if (op.responses["401"]) {
          expect((await record(t.call(M, path, { body }))).status).toBe(401);
          const limited = await t.token(t.f.ids.admin);
          await t.call(M, path, { token: limited, body, rateLimit: 1 });
          const refused = await record(t.call(M, path, { token: limited, body, rateLimit: 1 }));
          expect(refused.status).toBe(429);
          expect(Number((refused as unknown as { headers: Headers }).headers.get("retry-after"))).toBeGreaterThan(0);
        }
        if (op.responses["403"] && token) expect((await record(t.call(M, path, { token, body }))).status).toBe(403);
        if (op.responses["404"] && template.includes("{")) expect((await record(t.call(M, concrete(template, true), { token: admin, body }))).status).toBe(404);
        if (op.responses["415"])
          expect((await record(t.call(M, path, { token: admin, rawBody: "open", headers: { "content-type": "text/plain" } }))).status).toBe(415);
      }
    }
    for (const [, item] of Object.entries(openApiDocument().paths as unknown as Record<string, Record<string, Operation>>)) {
      for (const op of Object.values(item)) {
        const missing = Object.keys(op.responses).filter((s) => !seen.get(op.operationId)?.has(s));
        expect(missing, `${op.operationId} never answered ${missing.join(", ")}`).toEqual([]);
      }
    }
  }, 300_000); // some 150 requests: generous on a busy machine

  it("pages every list with cursors to its end, each page valid", async () => {
    for (const e of ENDPOINTS.filter((e) => e.query && "cursor" in e.query)) {
      const query = e.path === "/events" ? "from=2030-01-01T00:00:00Z&to=2030-12-31T00:00:00Z&" : "";
      let cursor: string | null = null;
      const ids: unknown[] = [];
      let pages = 0;
      do {
        const r = await t.call("GET", `${e.path}?${query}limit=1${cursor ? `&cursor=${cursor}` : ""}`, { token: admin });
        expect(r.status, e.path).toBe(200);
        const page = r.body as { data: Record<string, unknown>[]; nextCursor: string | null };
        ids.push(...page.data.map((row) => JSON.stringify(row)));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(new Set(ids).size, `${e.path}: no row twice`).toBe(ids.length);
      const all = await t.call("GET", `${e.path}?${query}limit=200`, { token: admin });
      expect(
        (all.body as { data: unknown[] }).data.map((row) => JSON.stringify(row)),
        e.path,
      ).toEqual(ids);
      if (ids.length > 1) expect(pages).toBe(ids.length);
    }
  }, 120_000);
});
