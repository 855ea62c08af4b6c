import { ChangeTable } from "@/components/audit/change-table";
import type { ReadableEntry } from "@/lib/domain/audit/readable-history";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";

/** The thing's audit entries (loaded by the page with readableHistory): what happened, when, by whom, the changed fields. */
export function ThingHistory({ t, entries }: { t: Translate; entries: ReadableEntry[] }) {
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  return (
    <section className="space-y-2" aria-labelledby="thing-history">
      <h2 id="thing-history" className="text-lg font-semibold">
        {t("inv.history.title")}
      </h2>
      {entries.length === 0 ? (
        <EmptyState small>{t("inv.history.none")}</EmptyState>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map(({ entry: e, when, what, who, rows }) => {
            // Inventory has its own words for its changes ("Lent", "Returned"); other changes as everywhere.
            const key = `inv.history.${e.changeType}`;
            return (
              <li key={e.id} className="rounded border border-slate-100 bg-white px-3 py-2">
                <time dateTime={e.at.toISOString()} className="mr-2 text-slate-600">
                  {when}
                </time>
                <span className="font-medium">{isMessageKey(key) ? t(key) : what}</span>
                <span className="ml-2 text-slate-600">{who}</span>
                <ChangeTable rows={rows} label={t("audit.changes", { what: isMessageKey(key) ? t(key) : what, when })} labels={labels} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
