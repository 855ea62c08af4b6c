import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ReportView } from "@/lib/domain/import/fabomatic/describe-report";

/** A dry run or import report: counts per kind of record, then the records that need a word. */
export function ImportReportView({ view, title }: { view: ReportView; title: string }) {
  return (
    <section aria-label={title} className="space-y-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <Table look="boxed" label={title}>
        <thead>
          <tr>
            {view.header.map((h, i) => (
              <Th key={h} numeric={i > 0}>
                {h}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) => (
                <Td key={i} numeric={i > 0}>
                  {cell}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
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
