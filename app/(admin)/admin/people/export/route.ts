import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { peopleToCsv, peopleToXlsx } from "@/lib/domain/people/people-export";
import { listAllPeople, parsePeopleFilter } from "@/lib/domain/people/people-list";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";

/** The filtered people list as CSV or XLSX; members.read only (the export holds contact data). */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  if (!user.permissions.has("members.read")) return new Response("Forbidden", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const db = getDb();
  // Only the groups this viewer may see (view rights), like the list on the page.
  const scope = user.viewScope;
  const [rows, { timeZone }] = await Promise.all([listAllPeople(db, { ...parsePeopleFilter(params), scope }), getSpace()]);
  const stamp = dayOf(new Date(), timeZone);
  if (params.format === "xlsx") {
    return new Response(new Uint8Array(await peopleToXlsx(await getT(), rows, timeZone)), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="people-${stamp}.xlsx"`,
        "cache-control": "no-store",
      },
    });
  }
  return new Response(`\uFEFF${peopleToCsv(await getT(), rows, timeZone)}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="people-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
