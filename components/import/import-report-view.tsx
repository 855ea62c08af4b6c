import { Card } from "@/components/ui/card";
import type { ReportView } from "@/lib/domain/import/fabomatic/describe-report";

/** A dry run or import report: counts per kind of record, then the records that need a word. */
export function ImportReportView({ view, title }: { view: ReportView; title: string }) {
  const th = "px-3 py-2 font-medium";
  return (
    <section aria-label={title} className="space-y-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              {view.header.map((h, i) => (
                <th key={h} className={`${th} ${i ? "text-right" : ""}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row[0]} className="border-t border-slate-100">
                {row.map((cell, i) => (
                  <td key={i} className={`px-3 py-2 ${i ? "text-right tabular-nums" : ""}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.sections.map((s) => (
        <Card key={s.id} id={`import-report-${s.id}`} title={s.title} level={3} tone={s.id === "conflicts" ? "notice" : "plain"}>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {s.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
          {s.more && <p className="mt-1 text-sm text-slate-600">{s.more}</p>}
        </Card>
      ))}
    </section>
  );
}
