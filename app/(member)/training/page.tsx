import Link from "next/link";
import { forbidden } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { ScheduleForm } from "./schedule-form";
import { SessionInfo } from "@/components/training/session-info";
import { requireUser } from "@/lib/auth/guards";
import { trainersOfTypes, typesTrainedBy } from "@/lib/domain/equipment/authority";
import { listOpenRequestsForTrainer } from "@/lib/domain/training/request-service";
import { listSessionsOfTrainer } from "@/lib/domain/training/session-queries";
import { defaultSessionSlot } from "@/lib/domain/training/default-slot";
import { formatDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** Trainers: schedule sessions on the types they train, see their sessions and the demand. */
export default async function TrainingPage() {
  const user = await requireUser();
  const db = getDb();
  const types = await typesTrainedBy(db, user.personId);
  if (types.length === 0 && !user.permissions.has("training.run")) forbidden();
  const timeZone = (await getSpace()).timeZone;
  const [t, locale, sessions, requests, trainers] = await Promise.all([
    getT(),
    getLocale(),
    listSessionsOfTrainer(db, user),
    listOpenRequestsForTrainer(db, user),
    trainersOfTypes(
      db,
      user,
      types.map((x) => x.id),
    ),
  ]);
  const slot = defaultSessionSlot(new Date(), timeZone);

  return (
    <div className="space-y-6">
      <PageTitle>{t("tr.title")}</PageTitle>
      {types.length === 0 ? (
        <EmptyState>{t("tr.notTrainer")}</EmptyState>
      ) : (
        <Card id="schedule" title={t("tr.schedule.title")} className="space-y-3">
          <ScheduleForm
            t={t}
            types={types}
            coTrainers={trainers.filter((x) => x.personId !== user.personId)}
            timeZone={timeZone}
            defaultStart={slot.start}
            defaultEnd={slot.end}
          />
        </Card>
      )}

      <Card id="sessions" title={t("tr.mySessions")} className="space-y-3">
        {sessions.length === 0 ? (
          <EmptyState>{t("tr.noSessions")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {sessions.map((s) => (
              <li key={s.id} className="space-y-1 py-3">
                <Link href={`/training/sessions/${s.id}`} className={`${linkClass} font-medium`}>
                  {t("tr.session.title", { type: s.equipmentTypeName, level: t(`level.${s.level}`) })}
                </Link>
                {s.cancelledAt && <span className="ml-2 text-sm text-red-800">{t("tr.session.cancelled")}</span>}
                <SessionInfo session={s} t={t} locale={locale} timeZone={timeZone} />
                <p className="text-sm text-slate-600">
                  {t("tr.session.seats", { taken: s.seatsTaken, capacity: s.capacity })}
                  {s.waitlisted > 0 && ` · ${t("tr.session.waitlist", { count: s.waitlisted })}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="requests" title={t("tr.requests.title")} className="space-y-3">
        <p className="text-sm text-slate-600">{t("tr.requests.intro")}</p>
        {requests.length === 0 ? (
          <EmptyState>{t("tr.requests.none")}</EmptyState>
        ) : (
          <Table look="roomy" labelledBy="requests" className="min-w-[32rem]">
            <thead>
              <tr>
                <Th>{t("tr.requests.col.person")}</Th>
                <Th>{t("tr.f.type")}</Th>
                <Th>{t("tr.f.level")}</Th>
                <Th>{t("tr.requests.col.since")}</Th>
                <Th>{t("tr.requests.col.note")}</Th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <Td>{r.personName}</Td>
                  <Td>{r.equipmentTypeName}</Td>
                  <Td>{t(`level.${r.level}`)}</Td>
                  <Td>{formatDate(r.createdAt, locale, timeZone)}</Td>
                  <Td className="text-sm text-slate-600">{r.note}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
