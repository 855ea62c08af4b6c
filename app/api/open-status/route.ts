import { handleOpenStatusRequest } from "@/lib/domain/community/open-status-http";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleOpenStatusRequest(getDb(), request);
}
