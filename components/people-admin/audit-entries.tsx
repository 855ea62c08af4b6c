import Link from "next/link";
import { ChangeTable } from "@/components/audit/change-table";
import { auditNames } from "@/lib/domain/audit/audit-names";
import type { AuditRow } from "@/lib/domain/audit/audit-query";
import { changeLabel, readableRows, type ReadableContext } from "@/lib/domain/audit/readable";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";

/**
 * Audit entries with who, whose record, what happened and each changed field before → after, all in words (names,
 * labels, local times). Values are text only: React escapes them, so markup typed into a field stays visible as text.
 */
export async function AuditEntries({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const [t, locale, names] = await Promise.all([getT(), getLocale(), auditNames(getDb(), rows)]);
  const ctx: ReadableContext = { t, locale, timeZone, names };
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  const former = t("audit.value.formerPerson");
  const person = (id: number | null, name: string | null) =>
    id === null ? null : (
      <Link className="underline" href={`/admin/people/${id}`}>
        {name ?? former}
      </Link>
    );
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label={t("audit.entries")}>
      {rows.map((e) => (
        <li key={e.id} className="space-y-1 p-3">
          <div className="flex flex-wrap gap-x-3 text-sm">
            <time dateTime={e.at.toISOString()} className="text-slate-600">
              {formatDateTime(e.at, locale, timeZone)}
            </time>
            <span className="font-medium" title={e.changeType}>
              {changeLabel(t, e.changeType)}
            </span>
            <span>{e.actorId === null ? t("audit.system") : <>{t("audit.by", { name: "" })}{person(e.actorId, e.actorName)}</>}</span>
            {e.subjectPersonId !== null && <span>{t("audit.subject", { name: "" })}{person(e.subjectPersonId, e.subjectName)}</span>}
          </div>
          <ChangeTable rows={readableRows(ctx, e)} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
