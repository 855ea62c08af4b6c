import Link from "next/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import { WeeklyChart } from "@/components/machines/weekly-chart";
import { UsageFilter } from "@/components/machines/usage-filter";
import { requireUser } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/current-user";
import { machineOptions } from "@/lib/domain/equipment/machine-service";
import { mayViewUsage } from "@/lib/domain/machines/dashboard-access";
import { listUsage, parseUsageFilter, usageTotals, weeklyHours, type UsageReportFilter } from "@/lib/domain/machines/usage-report";
import { machineUsers } from "@/lib/domain/machines/machine-operations";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { correctSessionAction } from "./actions";
import { deleteUsageSessionAction } from "./delete-actions";
import { DeleteRecordForm } from "@/components/machines/delete-record-form";
import { parsePage } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { LoadingBoundary } from "@/components/ui/loading";
import { Table, Td, Th } from "@/components/ui/table";

const PAGE = 50;

/**
 * Usage across machines: filters, totals per machine and person, weekly chart, the list and its exports. The frame
 * (title, the filter with whom and which machine it can narrow to, the exports) answers from light queries; the
 * totals, chart and list read the sessions themselves and stream in after it.
 */
export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!mayViewUsage(user)) forbidden();
  const query = await searchParams;
  const space = await getSpace();
  // Days and weeks are the space's.
  const filter = parseUsageFilter(query, space.timeZone);
  const page = parsePage(query.page);
  const db = getDb();
  // Whom the filter offers: who used the chosen machine (any, when none is chosen) — not the totals' people.
  const [t, people, machineList] = await Promise.all([getT(), machineUsers(db, user, filter.machineId ?? null), machineOptions(db)]);
  const keep = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1] && ["person", "machine", "from", "to"].includes(e[0])));

  return (
    <div className="space-y-6">
      <PageTitle>{t("mach.report.title")}</PageTitle>
      <UsageFilter t={t} query={query} people={people} machines={machineList}>
        <a className="underline" href={`/admin/usage/export?${new URLSearchParams({ ...Object.fromEntries(keep), format: "xlsx" })}`}>
          {t("mach.report.xlsx")}
        </a>
        <a className="underline" href={`/admin/usage/export?${new URLSearchParams({ ...Object.fromEntries(keep), format: "csv" })}`}>
          {t("mach.report.csv")}
        </a>
      </UsageFilter>
      <LoadingBoundary label={t("loading.status")} lines={10}>
        <UsageResults user={user} filter={filter} page={page} keep={keep} />
      </LoadingBoundary>
    </div>
  );
}

/** The totals per machine and person, the weekly chart and one page of the sessions with their corrections. */
async function UsageResults({ user, filter, page, keep }: { user: CurrentUser; filter: UsageReportFilter; page: number; keep: URLSearchParams }) {
  const db = getDb();
  const [t, locale, space, totals, weekly, rows] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    usageTotals(db, user, filter),
    weeklyHours(db, filter),
    listUsage(db, user, filter, { limit: PAGE + 1, offset: (page - 1) * PAGE }),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...Object.fromEntries(keep), ...extra }).toString()}`;
  const people = totals.byPerson;

  return (
    <>
      <Card id="totals" title={t("mach.report.totals", { sessions: totals.sessions, hours: totals.hours.toFixed(1) })} className="space-y-3">
        <div className="grid gap-6 sm:grid-cols-2">
          {[
            {
              key: "machine",
              title: t("mach.report.perMachine"),
              list: totals.byMachine.map((m) => ({ id: m.machineId, name: m.name, sessions: m.sessions, hours: m.hours })),
            },
            {
              key: "person",
              title: t("mach.report.perPerson"),
              list: people.map((p) => ({ id: p.personId, name: p.name, sessions: p.sessions, hours: p.hours })),
            },
          ].map((group) => (
            <Table key={group.key} caption={group.title}>
              <tbody>
                {group.list.map((r) => (
                  <tr key={r.id}>
                    <Td>{r.name}</Td>
                    <Td className="text-right">{t("mach.mine.machineHours", { hours: r.hours.toFixed(1), sessions: r.sessions })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ))}
        </div>
        <WeeklyChart data={weekly} title={t("mach.report.chart")} />
      </Card>

      <Card id="list" title={t("mach.usage.title")} className="space-y-3">
        <Table labelledBy="list">
          <thead>
            <tr>
              <Th>{t("mach.usage.started")}</Th>
              <Th>{t("mach.mine.machine")}</Th>
              <Th>{t("mach.usage.person")}</Th>
              <Th>{t("mach.usage.minutes")}</Th>
              <Th>{t("mach.usage.recorded")}</Th>
              <Th labelHidden>{t("mach.correct.open")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PAGE).map((r) => (
              <tr key={r.id} data-recorded={r.recordedAs}>
                <Td>{when(r.startedAt)}</Td>
                <Td>{r.machineName}</Td>
                <Td>{r.personName}</Td>
                <Td>{r.durationSeconds === null ? t("mach.usage.open") : Math.round(r.durationSeconds / 60)}</Td>
                <Td>{r.recordedAs === "live" ? "" : t(`mach.recorded.${r.recordedAs}`)}</Td>
                <Td>
                  {r.durationSeconds !== null && (
                    <details>
                      <summary className="min-h-6 cursor-pointer leading-6 underline">{t("mach.correct.open")}</summary>
                      <ActionForm action={correctSessionAction} className="space-y-2" label={t("mach.correct.label", { id: r.id })}>
                        <input type="hidden" name="sessionId" value={r.id} />
                        <input type="hidden" name="startedAt" value={r.startedAt.toISOString()} />
                        <TextField
                          label={t("mach.usage.minutes")}
                          name="minutes"
                          id={`minutes-${r.id}`}
                          type="number"
                          min={0}
                          required
                          defaultValue={Math.round(r.durationSeconds / 60)}
                        />
                        <TextField label={t("mach.correct.reason")} name="reason" id={`reason-${r.id}`} required minLength={3} maxLength={500} />
                        <SubmitButton>{t("mach.correct.submit")}</SubmitButton>
                      </ActionForm>
                    </details>
                  )}
                  {r.durationSeconds !== null && (
                    <DeleteRecordForm
                      t={t}
                      action={deleteUsageSessionAction.bind(null, r.id)}
                      label={t("mach.delete.label", { id: r.id })}
                      idPrefix={`delete-${r.id}`}
                    />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <nav aria-label={t("mach.usage.pages")} className="flex gap-3 text-sm">
          {page > 1 && <Link href={href({ page: String(page - 1) })}>{t("mach.usage.previous")}</Link>}
          {rows.length > PAGE && <Link href={href({ page: String(page + 1) })}>{t("mach.usage.next")}</Link>}
        </nav>
      </Card>
    </>
  );
}
