import Link from "next/link";
import type { AuditRow } from "@/lib/domain/audit/audit-query";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";

// Values are shown as text only: React escapes them, so markup typed into a field stays visible as text.
const show = (v: unknown) => (v === null || v === undefined || v === "" ? "–" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Audit entries with who, whose record, the change type and each changed field before → after. */
export async function AuditEntries({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const person = (id: number | null, name: string | null) => (id === null ? null : <Link className="underline" href={`/admin/people/${id}`}>{name ?? `#${id}`}</Link>);
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label={t("audit.entries")}>
      {rows.map((e) => {
        const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
        return (
          <li key={e.id} className="space-y-1 p-3">
            <div className="flex flex-wrap gap-x-3 text-sm">
              <time dateTime={e.at.toISOString()} className="text-slate-500">{formatDateTime(e.at, locale, timeZone)}</time>
              <span className="font-mono">{e.changeType}</span>
              <span className="text-slate-500">{e.entity}{e.entityId ? ` ${e.entityId}` : ""}</span>
              <span>{e.actorId === null ? t("audit.system") : <>{t("audit.by", { name: "" })}{person(e.actorId, e.actorName)}</>}</span>
              {e.subjectPersonId !== null && <span>{t("audit.subject", { name: "" })}{person(e.subjectPersonId, e.subjectName)}</span>}
            </div>
            {keys.length > 0 && (
              <table className="text-sm">
                <thead className="sr-only">
                  <tr><th>{t("audit.field")}</th><th>{t("audit.before")}</th><th>{t("audit.after")}</th></tr>
                </thead>
                <tbody>
                  {keys.map((k) => (
                    <tr key={k}>
                      <th scope="row" className="pr-3 text-left align-top font-normal text-slate-500">{k}</th>
                      <td className="break-all pr-2 align-top text-red-800 line-through decoration-red-300">{e.before && k in e.before ? show(e.before[k]) : ""}</td>
                      <td className="break-all align-top text-emerald-800">{e.after && k in e.after ? show(e.after[k]) : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}
