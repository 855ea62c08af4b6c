import Link from "next/link";
import type { PersonListRow } from "@/lib/domain/people/search-people";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import { Table, Td, Th } from "@/components/ui/table";

const CELLS = [
  "[&_tbody_td:nth-child(1)]:font-mono",
  "[&_tbody_a]:text-amber-800 [&_tbody_a]:underline [&_tbody_a]:hover:text-amber-900",
  "[&_tbody_td:nth-child(2)>span]:block [&_tbody_td:nth-child(2)>span]:text-xs [&_tbody_td:nth-child(2)>span]:text-slate-500 sm:[&_tbody_td:nth-child(2)>span]:hidden",
  "[&_tbody_td:nth-child(3)]:hidden sm:[&_tbody_td:nth-child(3)]:table-cell",
].join(" ");

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
    // The cells' classes on the table, once, not in each of the page's 25 rows (issue 20: every row is sent twice, as
    // HTML and in the RSC payload): the number in figures of one width, the name a link, the email folded under the
    // name on a phone and a column of its own from sm up.
    <Table look="boxed" label={t("people.title")} className={CELLS}>
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
            <Td>{r.memberNumber ?? "–"}</Td>
            <Td>
              <Link href={`/admin/people/${r.personId}`}>{name(r)}</Link>
              {r.email && <span>{r.email}</span>}
            </Td>
            <Td>{r.email ?? ""}</Td>
            <Td>{status(r)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
