import { getCurrentUser } from "@/lib/auth/current-user";
import { mailingList } from "@/lib/domain/people/people-export";
import { listAllPeople, parsePeopleFilter } from "@/lib/domain/people/people-list";
import { getDb } from "@/lib/web/db";

/** Addresses for a list server, one per line, for the people matching the filter (e.g. a status or committee). */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  if (!user.permissions.has("members.read")) return new Response("Forbidden", { status: 403 });
  const db = getDb();
  const scope = user.viewScope;
  const rows = await listAllPeople(db, { ...parsePeopleFilter(Object.fromEntries(new URL(request.url).searchParams)), scope });
  return new Response(mailingList(rows), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
