import { handleApiRequest } from "@/lib/api/v1/http";
import { env } from "@/lib/env";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";
import { clientIp } from "@/lib/web/request-info";

export const dynamic = "force-dynamic";

/** Everything under /api/v1 goes to one router (lib/api/v1): the same code the API tests walk. */
function serve(request: Request): Promise<Response> {
  const e = env();
  // CORS origins: the saved settings (handleApiRequest reads them; API_CORS_ORIGINS is only their first default).
  return handleApiRequest(getDb(), request, { rateLimit: e.API_RATE_LIMIT_PER_MINUTE, clientIp: clientIp(request.headers), logger: getLogger() });
}

export { serve as GET, serve as PUT, serve as POST, serve as PATCH, serve as DELETE, serve as OPTIONS };
