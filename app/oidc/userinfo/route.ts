import { preflightResponse, userinfoResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** What a service may know of the person its access token is for, checked against today's rules. */
export function GET(request: Request): Promise<Response> {
  return userinfoResponse(getDb(), request);
}

export const POST = GET;
export const OPTIONS = preflightResponse;
