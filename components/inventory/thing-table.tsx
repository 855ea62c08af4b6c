import Link from "next/link";
import type { ThingListRow } from "@/lib/domain/inventory/search";
import type { Translate } from "@/lib/i18n/translate";

/** Things as a table; with `selectable`, checkboxes feed the label sheet (GET /things/labels?ids=…). */
export function ThingTable({ t, rows, selectable }: { t: Translate; rows: ThingListRow[]; selectable?: boolean }) {
  if (rows.length === 0) return <p className="text-slate-600">{t("inv.things.none")}</p>;
  const table = (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {selectable && (
              <th className="px-3 py-2">
                <span className="sr-only">{t("inv.labels.select")}</span>
              </th>
            )}
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">{t("inv.thing.name")}</th>
            <th className="px-3 py-2">{t("inv.thing.category")}</th>
            <th className="px-3 py-2">{t("inv.thing.location")}</th>
            <th className="px-3 py-2">{t("inv.thing.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              {selectable && (
                <td className="px-3 py-2">
                  <input type="checkbox" name="ids" value={r.number} aria-label={t("inv.labels.selectThing", { name: r.name })} />
                </td>
              )}
              <td className="px-3 py-2 font-mono">{r.number}</td>
              <td className="px-3 py-2">
                <Link href={`/things/${r.number}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="px-3 py-2">{r.categoryName ?? "—"}</td>
              <td className="px-3 py-2">
                {r.locationId ? (
                  <Link href={`/locations/${r.locationId}`} className="hover:underline">
                    {r.locationName}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2">{r.lentOut ? t("inv.thing.lentOut") : r.lenderPersonId ? t("inv.ownership.on_loan_from_member") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!selectable) return table;
  return (
    <form method="get" action="/things/labels" className="space-y-2">
      {table}
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
        {t("inv.labels.print")}
      </button>
    </form>
  );
}
