import { ChangeTable } from "@/components/audit/change-table";
import type { ReadableEntry } from "@/lib/domain/audit/readable-history";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";

/** A person's history from the audit log (loaded by the page with readableHistory): when, what, by whom, each field. */
export function HistoryList({ t, entries }: { t: Translate; entries: ReadableEntry[] }) {
  if (entries.length === 0) return <EmptyState>{t("person.history.none")}</EmptyState>;
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("person.history")}>
      {entries.map(({ entry: e, when, what, who, rows }) => (
        <li key={e.id} className="py-2">
          <div className="flex flex-wrap gap-x-3 text-sm">
            <time dateTime={e.at.toISOString()} className="text-slate-600">
              {when}
            </time>
            <span className="font-medium">{what}</span>
            <span className="text-slate-600">{who}</span>
          </div>
          <ChangeTable rows={rows} label={t("audit.changes", { what, when })} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
