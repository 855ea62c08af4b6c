import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { listRegistrations, registrationsCsv } from "@/lib/domain/calendar/registration-list";
import { getDb } from "@/lib/web/db";
import { parseId } from "@/lib/domain/shared/ids";

export const dynamic = "force-dynamic";

/** The registration list as CSV, for the responsible person or calendar editors only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized\n", { status: 401 });
  const id = parseId((await params).id);
  if (id === null) return new Response("Not found\n", { status: 404 });
  const result = await listRegistrations(getDb(), user.personId, id);
  if (!result.ok) return new Response(`${result.message}\n`, { status: result.code === "not_found" ? 404 : 403 });
  return new Response(registrationsCsv(await getT(), result.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="event-${id}-registrations.csv"` },
  });
}
