import { oidcIssuer } from "@/lib/oidc/authorization";
import { introspectionResponse, preflightResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** Token introspection (RFC 7662): a service asks whether one of its tokens still stands. */
export async function POST(request: Request): Promise<Response> {
  const db = getDb();
  return introspectionResponse(db, request, await oidcIssuer(db));
}

export const OPTIONS = preflightResponse;
