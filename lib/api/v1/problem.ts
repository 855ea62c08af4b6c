import type { ParamError } from "./params";

/** The problem types this API answers with (RFC 9457); each is described on the documentation page. */
export const PROBLEMS = {
  invalid_request: { status: 400, title: "The request is not valid" },
  unauthorized: { status: 401, title: "A valid API token is required" },
  forbidden: { status: 403, title: "The token may not do this" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  unsupported_media_type: { status: 415, title: "The body must be JSON" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Something went wrong on the server" },
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_TYPE_BASE = "/api/v1/docs#problem-";

/** An expected refusal thrown by an endpoint; the HTTP layer turns it into application/problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: ParamError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export function problemResponse(p: ApiProblem, instance: string, headers: Record<string, string> = {}): Response {
  const { status, title } = PROBLEMS[p.code];
  const body = {
    type: `${PROBLEM_TYPE_BASE}${p.code.replace(/_/g, "-")}`,
    title,
    status,
    detail: p.detail,
    instance,
    code: p.code,
    ...(p.extra.errors ? { errors: p.extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers, ...p.extra.headers },
  });
}
