import type { RegistrationRow } from "@/lib/domain/calendar/registration-list";
import type { Translate } from "@/lib/i18n/translate";

/** For the responsible person: who registered, in order, with a CSV export. */
export function RegistrationList({ eventId, rows, t }: { eventId: number; rows: RegistrationRow[]; t: Translate }) {
  return (
    <section className="space-y-2">
      <div className="flex items-center gap-3">
        <h2 className="text-lg font-semibold">{t("ev.list")}</h2>
        <a className="text-sm underline" href={`/events/${eventId}/registrations.csv`}>
          {t("ev.list.export")}
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("ev.list.none")}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="registration-list">
          <thead>
            <tr>
              <th scope="col">{t("ev.list.name")}</th>
              <th scope="col">{t("ev.list.email")}</th>
              <th scope="col">{t("ev.list.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td>
                  {r.name}
                  {r.guest && <span className="ml-1 text-xs text-slate-500">({t("ev.list.guest")})</span>}
                </td>
                <td>{r.email}</td>
                <td>{t(`ev.status.${r.status as "signed_up"}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
