import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { listMembersVisibleTo, membersAsCsv, membersAsText } from "@/lib/domain/mailing-lists/list-members";
import { getMailingList } from "@/lib/domain/mailing-lists/lists";
import { getDb } from "@/lib/web/db";
import { parseId } from "@/lib/domain/shared/ids";

/** A list's addresses for other list servers: ?format=txt (one per line, default) or ?format=csv. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in\n", { status: 401 });
  if (!user.permissions.has("members.read")) return new Response("Forbidden\n", { status: 403 });
  const id = parseId((await params).id);
  if (id === null) return new Response("Not found\n", { status: 404 });
  const list = await getMailingList(getDb(), id);
  if (!list) return new Response("Not found\n", { status: 404 });
  const members = await listMembersVisibleTo(getDb(), user.personId, id);
  const csv = new URL(request.url).searchParams.get("format") === "csv";
  const file = `${list.address.replace(/[^a-z0-9.@_-]/gi, "_")}.${csv ? "csv" : "txt"}`;
  return new Response(csv ? membersAsCsv(await getT(), members) : membersAsText(members), {
    headers: {
      "content-type": `${csv ? "text/csv" : "text/plain"}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
