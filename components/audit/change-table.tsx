import type { ReadableRow } from "@/lib/domain/audit/readable";
import { Table, Td, Th } from "@/components/ui/table";

/**
 * The changed fields of one audit entry: label, value before (struck through), value after. Text only (escaped).
 * `label` names the table for screen readers among the entries' tables ("Changed fields: Person edited, 3 Dec 10:04").
 */
export function ChangeTable({ rows, label, labels }: { rows: ReadableRow[]; label: string; labels: { field: string; before: string; after: string } }) {
  if (rows.length === 0) return null;
  return (
    <Table look="bare" className="mt-1" label={label}>
      <thead className="sr-only">
        <tr>
          <Th>{labels.field}</Th>
          <Th>{labels.before}</Th>
          <Th>{labels.after}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <Th scope="row" className="pr-3 text-left align-top font-normal text-slate-600">
              {r.label}
            </Th>
            <Td className="break-words pr-2 align-top text-red-800 line-through decoration-red-300">{r.before ?? ""}</Td>
            <Td className="break-words align-top text-emerald-800">{r.after ?? ""}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
