import type { AuditEntry } from "@/lib/db/schema";
import { auditNames } from "@/lib/domain/audit/audit-names";
import { actorText, changeLabel, readableRows, type ReadableContext } from "@/lib/domain/audit/readable";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { ChangeTable } from "@/components/audit/change-table";

/** A person's history from the audit log: when (local time), what happened, by whom, and each changed field in words. */
export async function HistoryList({ entries }: { entries: AuditEntry[] }) {
  const [t, locale, space, names] = await Promise.all([getT(), getLocale(), getSpace(), auditNames(getDb(), entries)]);
  if (entries.length === 0) return <p className="text-slate-600">{t("person.history.none")}</p>;
  const ctx: ReadableContext = { t, locale, timeZone: space.timeZone, names };
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("person.history")}>
      {entries.map((e) => (
        <li key={e.id} className="py-2">
          <div className="flex flex-wrap gap-x-3 text-sm">
            <time dateTime={e.at.toISOString()} className="text-slate-600">
              {formatDateTime(e.at, locale, space.timeZone)}
            </time>
            <span className="font-medium">{changeLabel(t, e.changeType)}</span>
            <span className="text-slate-600">{actorText(ctx, e.actorId)}</span>
          </div>
          <ChangeTable rows={readableRows(ctx, e)} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
