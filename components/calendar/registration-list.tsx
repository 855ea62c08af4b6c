import type { RegistrationRow } from "@/lib/domain/calendar/registration-list";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** For the responsible person: who registered, in order, with a CSV export. */
export function RegistrationList({ eventId, rows, t }: { eventId: number; rows: RegistrationRow[]; t: Translate }) {
  return (
    <section className="space-y-2">
      <div className="flex items-center gap-3">
        <h2 id="registrations" className="text-lg font-semibold">
          {t("ev.list")}
        </h2>
        <a className="text-sm underline" href={`/events/${eventId}/registrations.csv`}>
          {t("ev.list.export")}
        </a>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t("ev.list.none")}</EmptyState>
      ) : (
        <Table labelledBy="registrations" testId="registration-list">
          <thead>
            <tr>
              <Th>{t("ev.list.name")}</Th>
              <Th>{t("ev.list.email")}</Th>
              <Th>{t("ev.list.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  {r.name}
                  {r.guest && <span className="ml-1 text-xs text-slate-500">({t("ev.list.guest")})</span>}
                </Td>
                <Td>{r.email}</Td>
                <Td>{t(`ev.status.${r.status as "signed_up"}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
