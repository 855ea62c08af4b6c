import type { Db } from "@/lib/db/client";
import type { ApiPrincipal } from "@/lib/domain/api-tokens/authenticate";
import type { Scope } from "@/lib/domain/api-tokens/scopes";
import type { Viewer } from "@/lib/domain/people/visibility";
import type { JsonSchema, ParamSpec, Parsed } from "./params";
import type { ProblemCode } from "./problem";

export interface EndpointContext<Q extends ParamSpec = ParamSpec, P extends ParamSpec = ParamSpec> {
  db: Db;
  now: Date;
  query: Parsed<Q>;
  path: { [K in keyof P]: NonNullable<Parsed<P>[K]> };
  /** The raw query, e.g. for binding cursors to it. */
  search: URLSearchParams;
  /** Null only on public endpoints. */
  principal: ApiPrincipal | null;
  /**
   * Who is asking, as the domain functions take it: the token's owner (null for a service) with the owner's
   * current permissions that this endpoint's scope lets the token use.
   */
  viewer: Viewer;
  body: unknown;
}

export interface EndpointDef<Q extends ParamSpec, P extends ParamSpec> {
  operationId: string;
  method: "GET" | "PUT";
  /** OpenAPI path template below /api/v1, e.g. "/people/{id}". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** "public": no token (the document itself); "token": any valid token, plus `scope` when given. */
  auth: "public" | "token";
  scope?: Scope;
  query?: Q;
  pathParams?: P;
  requestBody?: { schema: JsonSchema; description: string };
  response: { schema: JsonSchema; description: string };
  /** Refusals beyond the ones every endpoint of its kind can give (400; with a token also 401, 403, 429). */
  problems?: ProblemCode[];
  handle(ctx: EndpointContext<Q, P>): Promise<unknown>;
}

export type Endpoint = EndpointDef<ParamSpec, ParamSpec>;

/** Keeps the parameter types of one endpoint while letting the registry hold them all alike. */
export function defineEndpoint<Q extends ParamSpec = Record<never, never>, P extends ParamSpec = Record<never, never>>(e: EndpointDef<Q, P>): Endpoint {
  return e as unknown as Endpoint;
}
