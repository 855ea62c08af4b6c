import { exportCsv, exportXlsx } from "@/lib/domain/inventory/export";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";

/** The whole inventory as CSV or XLSX; values and lenders included, so inventory managers only. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!user.permissions.has("inventory.write")) return new Response("Forbidden", { status: 403 });
  const format = new URL(request.url).searchParams.get("format");
  const stamp = dayOf(new Date(), (await getSpace()).timeZone);
  if (format === "xlsx") {
    return new Response(new Uint8Array(await exportXlsx(getDb(), await getT())), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="inventory-${stamp}.xlsx"`,
      },
    });
  }
  if (format !== "csv" && format !== null) return new Response("Unknown format; use csv or xlsx", { status: 400 });
  return new Response(await exportCsv(getDb(), await getT()), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="inventory-${stamp}.csv"` },
  });
}
