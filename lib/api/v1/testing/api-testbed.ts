import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { machines, rooms } from "@/lib/db/schema";
import { createPersonalToken } from "@/lib/domain/api-tokens/tokens";
import { ALL_SCOPES, type Scope } from "@/lib/domain/api-tokens/scopes";
import { registerMember } from "@/lib/domain/calendar/registrations";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { createThing } from "@/lib/domain/inventory/things";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { recordUsageStart, recordUsageStop } from "@/lib/domain/usage/record-usage";
import { openApiDocument } from "../endpoints";
import { handleApiRequest } from "../http";

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  rateLimit?: number;
  now?: Date;
}

export interface ApiCall {
  status: number;
  headers: Headers;
  body: unknown;
  /** The documented operation the answer was checked against; null for unknown paths. */
  operationId: string | null;
}

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> };

/**
 * A database with the demo people plus an event, a registration, a thing and usage; tokens for them; and a caller
 * that sends a Request through the router exactly as the route does and checks EVERY answer against the OpenAPI
 * document (status documented for the operation, content type, body schema) before handing it to the test.
 */
export async function createApiTestbed() {
  const f: DemoDatabase = await createDemoDatabase();
  const doc = structuredClone(openApiDocument());
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi.json");
  const validators = new Map<string, ValidateFunction>();
  const schemaAt = (pointer: string) => {
    let v = validators.get(pointer);
    if (!v) validators.set(pointer, (v = ajv.compile({ $ref: `openapi.json#${pointer}` })));
    return v;
  };
  const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

  /** The operation a concrete path and method belong to, by matching the path templates. */
  function operationOf(path: string, method: string): { template: string; op: Operation } | null {
    for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}/?$`);
      if (pattern.test(path) && item[method.toLowerCase()]) return { template, op: item[method.toLowerCase()]! };
    }
    return null;
  }

  async function call(method: string, path: string, o: CallOptions = {}): Promise<ApiCall> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers["content-type"] ??= "application/json";
    const body = o.rawBody ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined);
    const response = await handleApiRequest(f.db, new Request(`http://api.test/api/v1${path}`, { method, headers, body }), {
      rateLimit: o.rateLimit ?? 10_000,
      now: o.now,
    });
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    const parsed = text ? JSON.parse(text) : null;
    const found = operationOf(path.split("?")[0]!, method);
    if (found) {
      const status = String(response.status);
      const documented = found.op.responses[status] ? status : "default";
      const described = found.op.responses[documented];
      if (!described) throw new Error(`${method} ${path} answered ${status}, which ${found.op.operationId} does not document`);
      if (response.status === 304) {
        if (text !== "") throw new Error("a 304 must have no body");
      } else {
        const media = contentType.split(";")[0]!.trim();
        if (!described.content?.[media]) throw new Error(`${found.op.operationId} ${status}: content type ${media} is not documented`);
        const validate = schemaAt(`/paths/${esc(found.template)}/${method.toLowerCase()}/responses/${documented}/content/${esc(media)}/schema`);
        if (!validate(parsed))
          throw new Error(`${found.op.operationId} ${status} does not match the document: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
      }
    } else if (response.status !== 404 && response.status !== 405) {
      throw new Error(`${method} ${path} is not in the document but answered ${response.status}`);
    }
    return { status: response.status, headers: response.headers, body: parsed, operationId: found?.op.operationId ?? null };
  }

  async function token(personId: number, scopes: Scope[] = ALL_SCOPES): Promise<string> {
    const created = await createPersonalToken(f.db, personId, { name: `test ${scopes.join(" ")}`.slice(0, 60), scopes, expiresInDays: 30 });
    if (!created.ok) throw new Error(created.message);
    return created.token;
  }

  // Something in every list.
  const [room] = await f.db.insert(rooms).values({ name: "Workshop" }).returning();
  const event = await saveEvent(f.db, f.ids.admin, {
    title: "Open lab",
    visibility: "members",
    startsAt: "2030-03-05T17:00:00Z",
    endsAt: "2030-03-05T19:00:00Z",
    timeZone: "UTC",
    roomIds: [room!.id],
    capacity: 10,
  });
  const publicEvent = await saveEvent(f.db, f.ids.admin, {
    title: "Repair café",
    visibility: "public",
    startsAt: "2030-03-06T17:00:00Z",
    endsAt: "2030-03-06T19:00:00Z",
    timeZone: "UTC",
  });
  if (!event.ok || !publicEvent.ok) throw new Error("event not saved");
  await registerMember(f.db, { eventId: event.eventId, personId: f.ids.member });
  const thing = await createThing(f.db, f.ids.admin, { name: "Soldering station", description: "Weller, 80 W" });
  if (!thing.ok) throw new Error(thing.message);
  const [laser] = await f.db.select().from(machines).where(eq(machines.boardId, 1));
  const started = new Date(Date.now() - 3_600_000);
  await recordUsageStart(f.db, { machineId: laser!.id, uid: "efbeadde", replay: false, receivedAt: started });
  await recordUsageStop(f.db, { machineId: laser!.id, uid: "efbeadde", replay: false, duration: 1800, receivedAt: new Date(started.getTime() + 1_800_000) });

  return { f, doc, call, token, eventId: event.eventId, publicEventId: publicEvent.eventId, thingNumber: thing.number, machineId: laser!.id };
}

export type ApiTestbed = Awaited<ReturnType<typeof createApiTestbed>>;
