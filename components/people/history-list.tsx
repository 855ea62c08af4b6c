import type { AuditEntry } from "@/lib/db/schema";
import { formatDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "–" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** A person's history from the audit log: when, what kind of change, and each changed field before → after. */
export async function HistoryList({ entries }: { entries: AuditEntry[] }) {
  const [t, locale, space] = await Promise.all([getT(), getLocale(), getSpace()]);
  if (entries.length === 0) return <p className="text-slate-600">{t("person.history.none")}</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("person.history")}>
      {entries.map((e) => {
        const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
        return (
          <li key={e.id} className="py-2">
            <div className="flex flex-wrap gap-x-3 text-sm">
              <span className="text-slate-500">{formatDate(e.at, locale, space.timeZone)}</span>
              <span className="font-mono">{e.changeType}</span>
              {e.actorId !== null && <span className="text-slate-500">{t("person.history.by", { id: e.actorId })}</span>}
            </div>
            {keys.length > 0 && (
              <table className="mt-1 text-sm">
                <tbody>
                  {keys.map((k) => (
                    <tr key={k}>
                      <th scope="row" className="pr-3 text-left font-normal text-slate-500">{k}</th>
                      <td className="pr-2 text-red-800 line-through decoration-red-300">{e.before && k in e.before ? show(e.before[k]) : ""}</td>
                      <td className="text-emerald-800">{e.after && k in e.after ? show(e.after[k]) : ""}</td>
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
