import { oidcIssuer } from "@/lib/oidc/authorization";
import { preflightResponse, tokenResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** The token endpoint: the other services trade codes and refresh tokens here (lib/oidc/endpoints.ts checks everything). */
export async function POST(request: Request): Promise<Response> {
  const db = getDb();
  return tokenResponse(db, request, await oidcIssuer(db));
}

export const GET = POST;
export const OPTIONS = preflightResponse;
