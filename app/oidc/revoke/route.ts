import { preflightResponse, revocationResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** Token revocation (RFC 7009): a service ends its own tokens, e.g. when someone logs out there. */
export function POST(request: Request): Promise<Response> {
  return revocationResponse(getDb(), request);
}

export const OPTIONS = preflightResponse;
