import { SCOPES } from "@/lib/domain/api-tokens/scopes";
import type { Endpoint } from "./endpoint";
import type { JsonSchema, ParamSpec } from "./params";
import { PROBLEMS, type ProblemCode } from "./problem";
import { COMPONENT_SCHEMAS } from "./schemas";
import { webhooksSection } from "./webhook-docs";

export const API_VERSION = "1.0.0";

const TAGS = [
  { name: "Tokens", description: "The token in use." },
  {
    name: "People",
    description: "People, the member directory and membership statuses. Every person appears as their visibility settings show them to the token's owner.",
  },
  { name: "Machines", description: "Machines with their live state, and usage sessions." },
  { name: "Equipment", description: "Equipment types and who is authorized on them." },
  { name: "Events", description: "Calendar events and registrations." },
  { name: "Inventory", description: "Things in the space." },
  { name: "Space", description: "Whether the space is open." },
];

const DESCRIPTION = `The makerspace's REST API. JSON in and out; errors are application/problem+json (RFC 9457).

**Tokens.** Send \`Authorization: Bearer msk_…\`. People create personal tokens on their profile page; admins create service tokens for service identities. A token acts with its scopes ∩ its owner's permissions *now* (a service's owner is bounded by its sponsoring admin): an owner who loses a permission, is banned or leaves takes the token's rights along.

**Lists** are paged with opaque cursors: pass \`nextCursor\` as \`cursor\` with the same filters; \`limit\` sets the page size.

**Caching.** Every GET answers with an ETag; send it back in If-None-Match and an unchanged answer is a bodiless 304.

**Webhooks** (set up by admins) POST the events described under \`webhooks\` to subscribed addresses, signed.

**Rate limits** are per token and minute; the RateLimit-Limit / -Remaining / -Reset headers tell where a token stands, a 429 says when to retry (Retry-After).`;

const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
const rateHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per minute for this token.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window starts anew.", schema: { type: "integer" } },
};

function parameters(spec: ParamSpec | undefined, where: "path" | "query") {
  return Object.entries(spec ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === "path",
    description: p.description,
    schema: p.schema,
    ...(p.example ? { example: p.example } : {}),
  }));
}

function responses(e: Endpoint): Record<string, unknown> {
  const problem = (code: ProblemCode, extra: JsonSchema = {}) => ({ description: PROBLEMS[code].title, content: problemContent, ...extra });
  const out: Record<string, unknown> = {
    "200": {
      description: e.response.description,
      headers: {
        ...(e.method === "GET" ? { ETag: { description: "Validator of this answer.", schema: { type: "string" } } } : {}),
        ...(e.auth === "token" ? rateHeaders : {}),
      },
      content: { "application/json": { schema: e.response.schema } },
    },
  };
  if (e.method === "GET") out["304"] = { description: "Not modified: the If-None-Match ETag still matches." };
  out["400"] = problem("invalid_request");
  if (e.auth === "token") {
    out["401"] = problem("unauthorized", { headers: { "WWW-Authenticate": { description: "Bearer challenge.", schema: { type: "string" } } } });
    if (e.scope) out["403"] = problem("forbidden");
    out["429"] = problem("rate_limited", { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } });
  }
  for (const code of e.problems ?? []) out[String(PROBLEMS[code].status)] ??= problem(code);
  out.default = { description: "Any other error (e.g. 405, 500).", content: problemContent };
  return out;
}

function operation(e: Endpoint) {
  const scope = e.scope ? ` Scope: \`${e.scope}\`.` : e.auth === "token" ? " Any valid token." : "";
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: `${e.description ?? e.summary}${scope}`,
    security: e.auth === "public" ? [] : [{ bearerToken: e.scope ? [e.scope] : [] }],
    ...(e.scope ? { "x-scope": e.scope } : {}),
    parameters: [...parameters(e.pathParams, "path"), ...parameters(e.query, "query")],
    ...(e.requestBody
      ? { requestBody: { required: true, description: e.requestBody.description, content: { "application/json": { schema: e.requestBody.schema } } } }
      : {}),
    responses: responses(e),
  };
}

/** The OpenAPI 3.1 document, generated from the same endpoint list the router serves. */
export function buildOpenApiDocument(endpoints: Endpoint[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e);
  return {
    openapi: "3.1.0",
    info: { title: "Makerspace API", version: API_VERSION, description: DESCRIPTION, license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" } },
    servers: [{ url: "/api/v1", description: "This installation" }],
    tags: TAGS,
    paths,
    webhooks: webhooksSection(),
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `A personal or service token (msk_…). Scopes: ${Object.keys(SCOPES).join(", ")}.`,
        },
      },
    },
  };
}
