import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { exportPollResults } from "@/lib/domain/community/polls/poll-queries";
import { getDb } from "@/lib/web/db";
import { parseId } from "@/lib/domain/shared/ids";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Please log in.", { status: 401 });
  const id = parseId((await params).id);
  if (id === null) return new Response("Not found.", { status: 404 });
  const result = await exportPollResults(getDb(), await getT(), user.personId, id);
  if (!result.ok) return new Response(result.message, { status: result.code === "not_found" ? 404 : 403 });
  return new Response(`\uFEFF${result.csv}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${result.filename}"`, "cache-control": "no-store" },
  });
}
