import type { AuditEntry } from "@/lib/db/schema";
import { isMessageKey, type Locale, type Translate } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";

/** The thing's audit entries: what changed, when (in the space's time), and the changed fields. */
export function ThingHistory({ t, locale, timeZone, entries }: { t: Translate; locale: Locale; timeZone: string; entries: AuditEntry[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t("inv.history.title")}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("inv.history.none")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map((e) => {
            const key = `inv.history.${e.changeType}`;
            return (
              <li key={e.id} className="rounded border border-slate-100 bg-white px-3 py-2">
                <time dateTime={e.at.toISOString()} className="mr-2 font-mono text-slate-500">{formatDateTime(e.at, locale, timeZone)}</time>
                <span className="font-medium">{isMessageKey(key) ? t(key) : e.changeType}</span>
                {e.after && <span className="ml-2 break-all text-slate-600">{Object.keys(e.after).join(", ")}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
