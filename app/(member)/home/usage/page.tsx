import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { personHoursByMachine, personUsagePage } from "@/lib/domain/machines/person-usage";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** A member's own machine time: hours per machine and the sessions, newest first. */
export default async function MyUsagePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const db = getDb();
  const page = Number((await searchParams).page) || 1;
  const [t, locale, space, totals, usage] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    personHoursByMachine(db, user.personId),
    personUsagePage(db, user.personId, page),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  const allHours = totals.reduce((sum, x) => sum + x.hours, 0);
  return (
    <div className="space-y-6">
      <Link href="/home" className="text-amber-700 underline">
        {t("mach.mine.back")}
      </Link>
      <PageTitle>{t("mach.mine.title")}</PageTitle>
      <Card id="hours" title={t("mach.mine.hours", { hours: allHours.toFixed(1) })}>
        {totals.length === 0 ? (
          <EmptyState>{t("mach.mine.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {totals.map((x) => (
              <li key={x.machineId} className="flex justify-between py-1">
                <span>{x.machineName}</span>
                <span>{t("mach.mine.machineHours", { hours: x.hours.toFixed(1), sessions: x.sessions })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {usage.rows.length > 0 && (
        <Card id="sessions" title={t("mach.usage.title")}>
          <Table labelledBy="sessions">
            <thead>
              <tr>
                <Th>{t("mach.usage.started")}</Th>
                <Th>{t("mach.mine.machine")}</Th>
                <Th>{t("mach.usage.minutes")}</Th>
              </tr>
            </thead>
            <tbody>
              {usage.rows.map((r) => (
                <tr key={r.id}>
                  <Td>{when(r.startedAt)}</Td>
                  <Td>{r.machineName}</Td>
                  <Td>{r.durationSeconds === null ? t("mach.usage.open") : Math.round(r.durationSeconds / 60)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {usage.pages > 1 && (
            <nav aria-label={t("mach.usage.pages")} className="mt-3 flex gap-3 text-sm">
              {usage.page > 1 && <Link href={`/home/usage?page=${usage.page - 1}`}>{t("mach.usage.previous")}</Link>}
              <span>{t("mach.usage.pageOf", { page: usage.page, pages: usage.pages })}</span>
              {usage.page < usage.pages && <Link href={`/home/usage?page=${usage.page + 1}`}>{t("mach.usage.next")}</Link>}
            </nav>
          )}
        </Card>
      )}
    </div>
  );
}
