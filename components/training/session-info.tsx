import type { SessionSummary } from "@/lib/domain/training/session-queries";
import { formatRange } from "@/lib/time";
import type { Locale, Translate } from "@/lib/i18n/translate";

/** When, where and with whom a session takes place; the same lines on member and trainer pages. */
export function SessionInfo({ session, t, locale, timeZone }: { session: SessionSummary; t: Translate; locale: Locale; timeZone: string }) {
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>{formatRange(session.startsAt, session.endsAt, locale, timeZone)}</p>
      {session.room && <p>{t("tr.session.room", { room: session.room })}</p>}
      {session.trainers.length > 0 && <p>{t("tr.session.trainers", { names: session.trainers.map((x) => x.name).join(", ") })}</p>}
      {session.notes && <p className="whitespace-pre-line text-slate-600">{session.notes}</p>}
    </div>
  );
}
