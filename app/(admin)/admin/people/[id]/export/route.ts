import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { exportPersonData, personExportToXlsx } from "@/lib/domain/people/export-person";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { parseId } from "@/lib/domain/shared/ids";

/** Right of access: one person's data as JSON or XLSX (the domain lets the person themselves or the board). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  const id = parseId((await params).id);
  if (id === null) return new Response("Not found", { status: 404 });
  const result = await exportPersonData(getDb(), user.personId, id);
  if (!result.ok) return new Response(result.message, { status: result.code === "forbidden" ? 403 : 404 });
  const name = `person-${id}-${dayOf(new Date(), (await getSpace()).timeZone)}`;
  if (new URL(request.url).searchParams.get("format") === "xlsx") {
    return new Response(new Uint8Array(await personExportToXlsx(result.data, await getT())), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}.xlsx"`,
        "cache-control": "no-store",
      },
    });
  }
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}.json"`, "cache-control": "no-store" },
  });
}
