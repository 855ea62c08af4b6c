import { jwksResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** The public keys that verify the space's ID tokens. */
export function GET(): Promise<Response> {
  return jwksResponse(getDb());
}
