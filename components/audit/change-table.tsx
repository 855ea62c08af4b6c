import type { ReadableRow } from "@/lib/domain/audit/readable";

/** The changed fields of one audit entry: label, value before (struck through), value after. Text only (escaped). */
export function ChangeTable({ rows, labels }: { rows: ReadableRow[]; labels: { field: string; before: string; after: string } }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-1 text-sm">
      <thead className="sr-only">
        <tr>
          <th>{labels.field}</th>
          <th>{labels.before}</th>
          <th>{labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row" className="pr-3 text-left align-top font-normal text-slate-600">
              {r.label}
            </th>
            <td className="break-words pr-2 align-top text-red-800 line-through decoration-red-300">{r.before ?? ""}</td>
            <td className="break-words align-top text-emerald-800">{r.after ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
