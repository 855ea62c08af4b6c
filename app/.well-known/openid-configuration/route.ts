import { oidcIssuer } from "@/lib/oidc/authorization";
import { discoveryResponse } from "@/lib/oidc/endpoints";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** OpenID Connect discovery: the provider's addresses, all under the space's saved public address. */
export async function GET(): Promise<Response> {
  return discoveryResponse(await oidcIssuer(getDb()));
}
