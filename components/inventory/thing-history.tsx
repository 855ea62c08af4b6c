import { ChangeTable } from "@/components/audit/change-table";
import type { AuditEntry } from "@/lib/db/schema";
import { auditNames } from "@/lib/domain/audit/audit-names";
import { actorText, changeLabel, readableRows, type ReadableContext } from "@/lib/domain/audit/readable";
import { isMessageKey, type Locale, type Translate } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";

/** The thing's audit entries: what happened, when (in the space's time), by whom, and the changed fields in words. */
export async function ThingHistory({ t, locale, timeZone, entries }: { t: Translate; locale: Locale; timeZone: string; entries: AuditEntry[] }) {
  const ctx: ReadableContext = { t, locale, timeZone, names: await auditNames(getDb(), entries) };
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  return (
    <section className="space-y-2" aria-labelledby="thing-history">
      <h2 id="thing-history" className="text-lg font-semibold">
        {t("inv.history.title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("inv.history.none")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map((e) => {
            const key = `inv.history.${e.changeType}`;
            return (
              <li key={e.id} className="rounded border border-slate-100 bg-white px-3 py-2">
                <time dateTime={e.at.toISOString()} className="mr-2 text-slate-600">
                  {formatDateTime(e.at, locale, timeZone)}
                </time>
                <span className="font-medium">{isMessageKey(key) ? t(key) : changeLabel(t, e.changeType)}</span>
                <span className="ml-2 text-slate-600">{actorText(ctx, e.actorId)}</span>
                <ChangeTable rows={readableRows(ctx, e)} labels={labels} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
