import Link from "next/link";
import type { ThingListRow } from "@/lib/domain/inventory/search";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { Button } from "@/components/ui/button";

/** Things as a table; with `selectable`, checkboxes feed the label sheet (GET /things/labels?ids=…). */
export function ThingTable({ t, rows, selectable }: { t: Translate; rows: ThingListRow[]; selectable?: boolean }) {
  if (rows.length === 0) return <EmptyState>{t("inv.things.none")}</EmptyState>;
  const table = (
    <Table look="boxed" label={t("inv.things.title")}>
      <thead>
        <tr>
          {selectable && <Th labelHidden>{t("inv.labels.select")}</Th>}
          <Th>#</Th>
          <Th>{t("inv.thing.name")}</Th>
          <Th>{t("inv.thing.category")}</Th>
          <Th>{t("inv.thing.location")}</Th>
          <Th>{t("inv.thing.status")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {selectable && (
              <Td>
                <input type="checkbox" name="ids" value={r.number} aria-label={t("inv.labels.selectThing", { name: r.name })} />
              </Td>
            )}
            <Td className="font-mono">{r.number}</Td>
            <Td>
              <Link href={`/things/${r.number}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td>{r.categoryName ?? "—"}</Td>
            <Td>
              {r.locationId ? (
                <Link href={`/locations/${r.locationId}`} className="hover:underline">
                  {r.locationName}
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td>{r.lentOut ? t("inv.thing.lentOut") : r.lenderPersonId ? t("inv.ownership.on_loan_from_member") : ""}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  if (!selectable) return table;
  return (
    <form method="get" action="/things/labels" className="space-y-2">
      {table}
      <Button type="submit" look="secondary">
        {t("inv.labels.print")}
      </Button>
    </form>
  );
}
