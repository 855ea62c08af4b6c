import type { SessionSummary } from "@/lib/domain/training/session-queries";
import { formatDateTime, formatTime } from "@/lib/time";
import type { Locale, Translate } from "@/lib/i18n/translate";

/** When, where and with whom a session takes place; the same lines on member and trainer pages. */
export function SessionInfo({ session, t, locale, timeZone }: { session: SessionSummary; t: Translate; locale: Locale; timeZone: string }) {
  const sameDay = formatDateTime(session.startsAt, locale, timeZone).slice(0, 6) === formatDateTime(session.endsAt, locale, timeZone).slice(0, 6);
  const end = sameDay ? formatTime(session.endsAt, locale, timeZone) : formatDateTime(session.endsAt, locale, timeZone);
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>{t("tr.session.when", { start: formatDateTime(session.startsAt, locale, timeZone), end })}</p>
      {session.room && <p>{t("tr.session.room", { room: session.room })}</p>}
      {session.trainers.length > 0 && <p>{t("tr.session.trainers", { names: session.trainers.map((x) => x.name).join(", ") })}</p>}
      {session.notes && <p className="whitespace-pre-line text-slate-600">{session.notes}</p>}
    </div>
  );
}
