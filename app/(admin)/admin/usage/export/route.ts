import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { mayViewUsage } from "@/lib/domain/machines/dashboard-access";
import { usageCsvStream, usageXlsxStream } from "@/lib/domain/machines/usage-export";
import { parseUsageFilter, usagePages } from "@/lib/domain/machines/usage-report";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";

/** The filtered usage list as CSV or XLSX; members.read or machines.operate only (it says who used what). */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not logged in", { status: 401 });
  if (!mayViewUsage(user)) return new Response("Forbidden", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { timeZone } = await getSpace();
  // Streamed a page at a time: a large space's export must not take the web process's heap.
  const pages = usagePages(getDb(), user, parseUsageFilter(params, timeZone));
  const t = await getT();
  const stamp = dayOf(new Date(), timeZone);
  if (params.format === "xlsx") {
    return new Response(usageXlsxStream(t, pages), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="usage-${stamp}.xlsx"`,
        "cache-control": "no-store",
      },
    });
  }
  return new Response(usageCsvStream(t, pages), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="usage-${stamp}.csv"`, "cache-control": "no-store" },
  });
}
