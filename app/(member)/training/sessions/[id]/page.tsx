import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { cardClass, linkClass } from "@/components/ui/styles";
import { EditSessionForm } from "./edit-session-form";
import { SessionInfo } from "@/components/training/session-info";
import { requireUser } from "@/lib/auth/guards";
import { isCurrentTrainer } from "@/lib/domain/equipment/authority";
import { getSessionDetail } from "@/lib/domain/training/session-queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { cancelSessionAction, markAttendanceAction } from "../../actions";
import { getSpace } from "@/lib/web/space";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

const ATTENDANCE = ["passed", "failed", "no_show"] as const;

/** A session's participants, the waitlist in its order, and attendance marking for trainers of the type. */
export default async function TrainingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const db = getDb();
  const session = id !== null ? await getSessionDetail(db, user, id) : null;
  if (!session) notFound();
  if (!(await isCurrentTrainer(db, user.personId, session.equipmentTypeId))) forbidden();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const timeZone = (await getSpace()).timeZone;
  const title = t("tr.session.title", { type: session.equipmentTypeName, level: t(`level.${session.level}`) });
  // Attendance is for a session that has begun (the domain refuses it earlier too).
  const begun = session.startsAt <= new Date();

  return (
    <div className="space-y-6">
      <Link href="/training" className={linkClass}>
        {t("tr.backToTraining")}
      </Link>
      <PageTitle>
        {title}
        {session.cancelledAt && <span className="ml-3 text-base text-red-800">{t("tr.session.cancelled")}</span>}
      </PageTitle>
      <section className={`${cardClass} space-y-2`}>
        <SessionInfo session={session} t={t} locale={locale} timeZone={timeZone} />
        <p className="text-sm text-slate-600">
          {t("tr.session.seats", { taken: session.seatsTaken, capacity: session.capacity })}
          {session.waitlisted > 0 && ` · ${t("tr.session.waitlist", { count: session.waitlisted })}`}
        </p>
        {!session.cancelledAt && session.endsAt > new Date() && (
          <ActionForm action={cancelSessionAction} messageAt="bottom" className="pt-2">
            <input type="hidden" name="sessionId" value={session.id} />
            <ConfirmButton look="secondary" question={t("tr.cancelSessionConfirm", { title })}>
              {t("tr.cancelSession")}
            </ConfirmButton>
          </ActionForm>
        )}
      </section>

      {!session.cancelledAt && session.endsAt > new Date() && (
        <details className={`${cardClass} space-y-3`}>
          <summary className="cursor-pointer text-lg font-semibold">{t("tr.edit.title")}</summary>
          <EditSessionForm t={t} timeZone={timeZone} session={session} />
        </details>
      )}

      <Card id="participants" title={t("tr.detail.participants")} className="space-y-3">
        {!begun && !session.cancelledAt && <p className="text-sm text-slate-600">{t("tr.att.notYet")}</p>}
        {session.participants.length === 0 ? (
          <EmptyState>{t("tr.detail.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {session.participants.map((p) => (
              <li key={p.signupId} className="space-y-2 py-3" aria-label={p.name}>
                <div className="flex flex-wrap items-baseline gap-x-4">
                  <span className="font-medium">{p.name}</span>
                  <span className="text-sm text-slate-600">{t(`tr.status.${p.status}`)}</span>
                  {p.attendance && <span className="text-sm font-medium">{t("tr.att.current", { attendance: t(`tr.att.${p.attendance}`) })}</span>}
                </div>
                {begun && p.status === "signed_up" && p.attendance !== "passed" && !session.cancelledAt && (
                  <ActionForm
                    action={markAttendanceAction}
                    className="flex flex-wrap items-end gap-2"
                    messageAt="bottom"
                    label={t("tr.att.label", { name: p.name })}
                  >
                    <input type="hidden" name="signupId" value={p.signupId} />
                    <fieldset className="flex flex-wrap gap-3">
                      <legend className="sr-only">{t("tr.att.label", { name: p.name })}</legend>
                      {ATTENDANCE.map((a) => (
                        <label key={a} className="flex items-center gap-1 text-sm">
                          <input type="radio" name="attendance" value={a} required defaultChecked={p.attendance === a} />
                          {t(`tr.att.${a}`)}
                        </label>
                      ))}
                    </fieldset>
                    <Button type="submit">{t("tr.att.mark")}</Button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
