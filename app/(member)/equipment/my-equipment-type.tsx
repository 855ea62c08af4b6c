import { cancelSignupAction, signUpAction } from "./actions";
import { ActionForm } from "@/components/forms/action-form";
import type { MachineRow } from "@/lib/domain/equipment/machine-service";
import type { LevelState, MyEquipmentType } from "@/lib/domain/equipment/my-equipment";
import { formatDate } from "@/lib/time";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { SessionInfo } from "@/components/training/session-info";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

interface Props {
  type: MyEquipmentType;
  blocked: MachineRow[];
  t: Translate;
  locale: Locale;
  timeZone: string;
}

function levelText(l: LevelState, t: Translate, date: (d: Date) => string): string {
  if (l.current) {
    const until = l.current.until ? t("me.level.until", { until: date(l.current.until) }) : t("me.level.noExpiry");
    return `${t("me.level.since", { since: date(l.current.since) })}, ${until}`;
  }
  const parts = [l.lapsed ? t(l.lapsed.why === "revoked" ? "me.level.revoked" : "me.level.expired", { date: date(l.lapsed.at) }) : t("me.level.notYet")];
  if (l.missing.length)
    parts.push(t("me.missing", { list: l.missing.map((m) => t("me.prereq", { level: t(`level.${m.level}`), type: m.typeName })).join(", ") }));
  return parts.join("; ");
}

/** One equipment type on "my equipment": what I am at each level, and the sessions I could join. */
export function MyEquipmentTypeCard({ type, blocked, t, locale, timeZone }: Props) {
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const headingId = `type-${type.id}`;
  return (
    <Card id={headingId} title={type.name} className="space-y-3">
      {type.noAuthorizationNeeded && <p className="text-sm text-slate-600">{t("me.noAuthNeeded")}</p>}
      {blocked.map((m) => (
        <p key={m.id} className="text-sm font-medium text-red-800">
          {t("me.blocked", { machine: m.name, reason: m.blockedReason })}
        </p>
      ))}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {type.levels.map((l) => (
          <div key={l.level} className="contents">
            <dt className={l.current ? "font-medium text-emerald-700" : "text-slate-500"}>{t(`level.${l.level}`)}</dt>
            <dd data-level={l.level} className={l.current ? "" : "text-slate-500"}>
              {levelText(l, t, date)}
            </dd>
          </div>
        ))}
      </dl>
      {type.sessions.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">{t("me.sessions")}</h3>
          <ul className="space-y-3">
            {type.sessions.map((s) => {
              const free = Math.max(0, s.capacity - s.seatsTaken);
              const label = t("tr.session.title", { type: type.name, level: t(`level.${s.level}`) });
              return (
                <li key={s.id} className="rounded border border-slate-200 p-3" aria-label={label}>
                  <p className="font-medium">{label}</p>
                  <SessionInfo session={s} t={t} locale={locale} timeZone={timeZone} />
                  <p className="text-sm text-slate-600">{free > 0 ? t("me.seats", { free, capacity: s.capacity }) : t("me.full", { count: s.waitlisted })}</p>
                  {s.mine ? (
                    <ActionForm action={cancelSignupAction} className="mt-2 flex flex-wrap items-center gap-3" messageAt="bottom">
                      <span className="text-emerald-700">{t(s.mine === "signed_up" ? "me.signedUp" : "me.waitlisted")}</span>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <ConfirmButton look="secondary" question={t("me.cancelConfirm", { session: label })} detail="">
                        {t("me.cancel")}
                      </ConfirmButton>
                    </ActionForm>
                  ) : (
                    <ActionForm action={signUpAction} className="mt-2 space-y-2" messageAt="bottom">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button type="submit">{s.decision.ok && s.decision.status === "waitlisted" ? t("me.joinWaitlist") : t("me.signUp")}</Button>
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}
