import Link from "next/link";
import type { PersonListRow } from "@/lib/domain/people/search-people";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import { Table, Td, Th } from "@/components/ui/table";

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
    <Table look="boxed" label={t("people.title")}>
      <thead>
        <tr>
          <Th>{t("people.col.number")}</Th>
          <Th>{t("people.col.name")}</Th>
          <Th className="hidden sm:table-cell">{t("people.col.email")}</Th>
          <Th>{t("people.col.status")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.personId}>
            <Td className="font-mono">{r.memberNumber ?? "–"}</Td>
            <Td>
              <Link href={`/admin/people/${r.personId}`} className="text-amber-800 underline hover:text-amber-900">
                {name(r)}
              </Link>
              {r.email && <span className="block text-xs text-slate-500 sm:hidden">{r.email}</span>}
            </Td>
            <Td className="hidden sm:table-cell">{r.email ?? ""}</Td>
            <Td>{status(r)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
