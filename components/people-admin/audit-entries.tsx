import Link from "next/link";
import { ChangeTable } from "@/components/audit/change-table";
import type { AuditRow } from "@/lib/domain/audit/audit-query";
import type { ReadableEntry } from "@/lib/domain/audit/readable-history";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Audit entries with who, whose record, what happened and each changed field before → after, all in words (the page
 * loads them with readableHistory). Values are text only: React escapes them, so markup typed into a field stays
 * visible as text.
 */
export function AuditEntries({ t, entries }: { t: Translate; entries: ReadableEntry<AuditRow>[] }) {
  const labels = { field: t("audit.field"), before: t("audit.before"), after: t("audit.after") };
  const former = t("audit.value.formerPerson");
  // A name the viewer may not see reads as history reads it ("Name not shown"), without a link that would tell who;
  // a name links to the person's page only where the viewer may open it (members.read, within their view rights).
  const person = (id: number | null, name: string | null, hidden: boolean, linked: boolean) =>
    id === null ? null : hidden ? (
      t("picker.hiddenName")
    ) : linked ? (
      <Link className="underline" href={`/admin/people/${id}`}>
        {name ?? former}
      </Link>
    ) : (
      (name ?? former)
    );
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label={t("audit.entries")}>
      {entries.map(({ entry: e, when, what, rows }) => (
        <li key={e.id} className="space-y-1 p-3">
          <div className="flex flex-wrap gap-x-3 text-sm">
            <time dateTime={e.at.toISOString()} className="text-slate-600">
              {when}
            </time>
            <span className="font-medium" title={e.changeType}>
              {what}
            </span>
            <span>
              {e.actorId === null ? (
                t("audit.system")
              ) : (
                <>
                  {t("audit.by", { name: "" })}
                  {person(e.actorId, e.actorName, e.actorHidden, e.actorLinked)}
                </>
              )}
            </span>
            {e.subjectPersonId !== null && (
              <span>
                {t("audit.subject", { name: "" })}
                {person(e.subjectPersonId, e.subjectName, e.subjectHidden, e.subjectLinked)}
              </span>
            )}
          </div>
          <ChangeTable rows={rows} label={t("audit.changes", { what, when })} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
