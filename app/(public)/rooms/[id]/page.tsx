import { notFound } from "next/navigation";
import { DayListView } from "@/components/calendar/calendar-views";
import { getCurrentUser } from "@/lib/auth/current-user";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { calendarDays } from "@/lib/domain/calendar/calendar-days";
import { getRoom } from "@/lib/domain/calendar/calendar-queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { isoDate, today } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

/** A room and its schedule for the coming eight weeks. */
export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const [t, locale, user, space, room] = await Promise.all([getT(), getLocale(), getCurrentUser(), getSpace(), getRoom(db, id)]);
  if (!room) notFound();
  const tz = space.timeZone;
  const first = today(tz);
  const { days } = await calendarDays(db, {
    first,
    days: 56,
    timeZone: tz,
    includeMembersOnly: seesMembersOnly(user),
    viewer: user,
    roomId: id,
  });
  return (
    <div className="space-y-4">
      <PageTitle>{room.name}</PageTitle>
      {room.description && <p className="whitespace-pre-line">{room.description}</p>}
      <a className="text-sm underline" href={`/rooms/${id}/calendar.ics`}>
        {t("rooms.feed")}
      </a>
      <h2 className="text-lg font-semibold">{t("rooms.schedule")}</h2>
      <DayListView entries={days} first={first} timeZone={tz} locale={locale} t={t} todayIso={isoDate(first)} showEmpty={false} />
    </div>
  );
}
