import Link from "next/link";
import type { PersonListRow } from "@/lib/domain/people/search-people";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";

/** On a phone the email column folds under the name instead of forcing a sideways scroll. */
export async function PeopleTable({ rows }: { rows: PersonListRow[] }) {
  const t = await getT();
  const name = (r: PersonListRow) =>
    r.firstName !== null ? `${r.firstName} ${r.lastName ?? ""}`.trim() : t("people.formerMember", { number: r.memberNumber ?? r.personId });
  const status = (r: PersonListRow) => {
    const key = `status.${r.statusKey}`;
    return isMessageKey(key) ? t(key) : r.statusName;
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("people.col.number")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("people.col.name")}
            </th>
            <th scope="col" className="hidden px-3 py-2 sm:table-cell">
              {t("people.col.email")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("people.col.status")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.personId}>
              <td className="px-3 py-2 font-mono">{r.memberNumber ?? "–"}</td>
              <td className="px-3 py-2">
                <Link href={`/admin/people/${r.personId}`} className="text-amber-800 underline hover:text-amber-900">
                  {name(r)}
                </Link>
                {r.email && <span className="block text-xs text-slate-500 sm:hidden">{r.email}</span>}
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{r.email ?? ""}</td>
              <td className="px-3 py-2">{status(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
