import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { authenticateApiToken, type ApiPrincipal, type RateState } from "@/lib/domain/api-tokens/authenticate";
import { permissionsUnder } from "@/lib/domain/api-tokens/scopes";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import type { Endpoint } from "./endpoint";
import { parseParams, type ParamError } from "./params";
import { ApiProblem, problemResponse } from "./problem";
import { matchRoute } from "./routes";

export const API_PREFIX = "/api/v1";

export interface ApiOptions {
  /** Requests per token per minute. */
  rateLimit: number;
  clientIp?: string | null;
  logger?: Pick<Logger, "error">;
  now?: Date;
  /**
   * Web origins (scheme://host[:port]) whose pages may call the API from the browser (CORS). Absent: the ones the
   * admin saved on the settings page (API_CORS_ORIGINS until the first save); none by default.
   */
  corsOrigins?: readonly string[];
}

/** What a page on an allowed origin may read of an answer besides the simple headers. */
const EXPOSED = "ETag, Location, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, WWW-Authenticate";

/**
 * CORS for a request from a listed origin: that origin echoed, never "*", and never credentials — the API reads a
 * token from the Authorization header only, so a browser's cookies can never act for anyone. Other origins get no
 * CORS headers, so their pages cannot read the answer.
 */
function corsHeaders(request: Request, o: ApiOptions): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !o.corsOrigins?.includes(origin)) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED };
}

/** The answer to a CORS preflight (OPTIONS): the methods the path has, for a listed origin only. */
function preflight(request: Request, o: ApiOptions, allow: string[]): Response {
  const cors = corsHeaders(request, o);
  const asked = (request.headers.get("access-control-request-method") ?? "").toUpperCase();
  const headers: Record<string, string> = {
    allow: [...allow, "OPTIONS"].join(", "),
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  if (cors["access-control-allow-origin"] && (!asked || allow.includes(asked) || (asked === "HEAD" && allow.includes("GET")))) {
    Object.assign(headers, {
      "access-control-allow-origin": cors["access-control-allow-origin"],
      "access-control-allow-methods": allow.join(", "),
      "access-control-allow-headers": "Authorization, Content-Type, If-None-Match",
      "access-control-max-age": "600",
    });
  }
  return new Response(null, { status: 204, headers });
}

const TOKEN_REFUSALS = {
  invalid: "The token is unknown or malformed. Send it as: Authorization: Bearer msk_…",
  expired: "The token has expired; create a new one.",
  revoked: "The token was revoked.",
  owner_inactive: "The token's owner may no longer act (not allowed to log in, or the service is disabled).",
} as const;

function unauthorized(detail: string): ApiProblem {
  return new ApiProblem("unauthorized", detail, { headers: { "www-authenticate": `Bearer realm="api", error="invalid_token"` } });
}

function rateHeaders(rate: RateState, now: Date): Record<string, string> {
  return {
    "ratelimit-limit": String(rate.limit),
    "ratelimit-remaining": String(rate.remaining),
    "ratelimit-reset": String(Math.max(0, Math.ceil((rate.resetAt.getTime() - now.getTime()) / 1000))),
  };
}

async function authenticate(db: Db, request: Request, o: ApiOptions, now: Date): Promise<{ principal: ApiPrincipal; headers: Record<string, string> }> {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized("Send an API token: Authorization: Bearer msk_… (create one on your profile page).");
  const check = await authenticateApiToken(db, match[1]!, { now, ip: o.clientIp ?? null, limitPerWindow: o.rateLimit });
  if (check.ok) return { principal: check.principal, headers: rateHeaders(check.rate, now) };
  if (check.reason === "rate_limited") {
    throw new ApiProblem("rate_limited", `At most ${check.rate.limit} requests per minute per token; retry in ${check.retryAfterSeconds} s.`, {
      headers: { ...rateHeaders(check.rate, now), "retry-after": String(check.retryAfterSeconds) },
    });
  }
  throw unauthorized(TOKEN_REFUSALS[check.reason]);
}

function requireScope(endpoint: Endpoint, principal: ApiPrincipal): void {
  const scope = endpoint.scope;
  if (!scope) return;
  if (!principal.scopes.includes(scope)) throw new ApiProblem("forbidden", `This needs a token with the scope ${scope}.`);
  if (!principal.effective.includes(scope)) throw new ApiProblem("forbidden", `The token has ${scope}, but its owner no longer holds the rights it needs.`);
}

async function readBody(endpoint: Endpoint, request: Request): Promise<unknown> {
  if (!endpoint.requestBody) return undefined;
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ApiProblem("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  const text = await request.text();
  if (text.length > 64 * 1024) throw new ApiProblem("invalid_request", "The body is larger than 64 KiB.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("invalid_request", "The body is not valid JSON.");
  }
}

/** A strong validator of the exact bytes: equal bodies, equal ETag. */
const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * Everything under /api/v1: route, authenticate, check the scope, parse parameters, run the endpoint, answer JSON
 * with an ETag (304 on If-None-Match) or application/problem+json. Plain Request → Response so tests call exactly
 * what the route handler runs.
 */
export async function handleApiRequest(db: Db, request: Request, options: ApiOptions): Promise<Response> {
  // Only a browser sends an Origin: scripts and services never cost the settings lookup.
  const o = options.corsOrigins || !request.headers.get("origin") ? options : { ...options, corsOrigins: (await getSpaceSettings(db)).apiCorsOrigins };
  const now = o.now ?? new Date();
  const url = new URL(request.url);
  const instance = url.pathname;
  const cors = corsHeaders(request, o);
  let headers: Record<string, string> = { ...cors };
  try {
    if (request.method === "OPTIONS") {
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => matchRoute(url.pathname.slice(API_PREFIX.length) || "/", m).kind === "ok");
      if (!methods.length) throw new ApiProblem("not_found", `No API resource at ${url.pathname}; see /api/v1/docs.`);
      return preflight(request, o, methods);
    }
    const route = matchRoute(url.pathname.slice(API_PREFIX.length) || "/", request.method);
    if (route.kind === "none") throw new ApiProblem("not_found", `No API resource at ${url.pathname}; see /api/v1/docs.`);
    if (route.kind === "method")
      throw new ApiProblem("method_not_allowed", `${request.method} is not supported here; use ${route.allow.join(", ")}.`, {
        headers: { allow: route.allow.join(", ") },
      });
    const { endpoint, pathValues } = route;
    let principal: ApiPrincipal | null = null;
    if (endpoint.auth === "token") {
      const auth = await authenticate(db, request, o, now);
      principal = auth.principal;
      headers = { ...cors, ...auth.headers };
      requireScope(endpoint, principal);
    }
    const path = parseParams(endpoint.pathParams ?? {}, pathValues, "path");
    const query = parseParams(endpoint.query ?? {}, url.searchParams, "query");
    const errors: ParamError[] = [...path.errors, ...query.errors];
    if (errors.length) throw new ApiProblem("invalid_request", errors.map((e) => `${e.name}: ${e.message}`).join("; "), { errors });
    const body = await readBody(endpoint, request);
    const viewer = {
      personId: principal?.personId ?? null,
      permissions: principal && endpoint.scope ? permissionsUnder(endpoint.scope, principal.held) : new Set<never>(),
    };
    const result = await endpoint.handle({ db, now, query: query.values, path: path.values as never, search: url.searchParams, principal, viewer, body });
    const text = JSON.stringify(result);
    const base = { ...headers, "cache-control": endpoint.auth === "public" ? "public, max-age=300" : "private, no-cache", vary: "Authorization, Origin" };
    if (request.method !== "GET") return new Response(text, { status: 200, headers: { ...base, "content-type": "application/json" } });
    const etag = etagOf(text);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers: { ...base, etag } });
    return new Response(text, { status: 200, headers: { ...base, etag, "content-type": "application/json" } });
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error, instance, headers);
    o.logger?.error({ err: error, path: instance }, "API request failed");
    return problemResponse(new ApiProblem("internal", "The server could not answer; the error is logged."), instance, headers);
  }
}
