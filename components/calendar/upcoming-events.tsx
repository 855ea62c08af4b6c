import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { upcomingEvents } from "@/lib/domain/calendar/calendar-queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/web/calendar-time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";

/** The start page's list of the next events (members-only ones for members only). */
export async function UpcomingEvents() {
  const [t, locale, user, space] = await Promise.all([getT(), getLocale(), getCurrentUser(), getSpace()]);
  const items = await upcomingEvents(getDb(), { includeMembersOnly: user !== null, limit: 8 });
  return (
    <section className="space-y-2" data-testid="upcoming-events">
      <h2 className="text-xl font-semibold">{t("cal.upcoming")}</h2>
      {items.length === 0 ? (
        <p className="text-slate-600">{t("cal.upcomingNone")}</p>
      ) : (
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={`${i.id}-${i.startsAt.getTime()}`}>
              <span className="font-mono text-sm">{formatDateTime(i.startsAt, locale, space.timeZone)}</span>{" "}
              <Link className="underline" href={`/events/${i.id}`}>{i.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <Link className="text-sm underline" href="/calendar">{t("nav.calendar")}</Link>
    </section>
  );
}
