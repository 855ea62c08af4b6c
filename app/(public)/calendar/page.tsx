import { Button, ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { AGENDA_SHOWN, DayListView, MONTH_DAY_SHOWN, MonthView } from "@/components/calendar/calendar-views";
import { getCurrentUser } from "@/lib/auth/current-user";
import { seesMembersOnly } from "@/lib/domain/access/members-only";
import { parseId } from "@/lib/domain/shared/ids";
import { calendarDays } from "@/lib/domain/calendar/calendar-days";
import { roomChoices } from "@/lib/domain/calendar/room-choices";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays, type Day, formatDay, formatMonth, isoDate, mondayOf, parseDay, today } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Select } from "@/components/ui/select";
import { LoadingBoundary } from "@/components/ui/loading";
import type { CurrentUser } from "@/lib/auth/current-user";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const VIEWS = ["month", "week", "agenda"] as const;
type View = (typeof VIEWS)[number];

function range(view: View, anchor: Day): { first: Day; days: number; prev: Day; next: Day } {
  if (view === "week") {
    const monday = mondayOf(anchor);
    return { first: monday, days: 7, prev: addDays(monday, -7), next: addDays(monday, 7) };
  }
  if (view === "agenda") return { first: anchor, days: 42, prev: addDays(anchor, -42), next: addDays(anchor, 42) };
  const firstOfMonth = { ...anchor, day: 1 };
  const start = mondayOf(firstOfMonth);
  const nextMonth = addDays({ ...firstOfMonth, day: 28 }, 4);
  const after = { ...nextMonth, day: 1 };
  const weeks = Math.ceil((Date.UTC(after.year, after.month - 1, after.day) - Date.UTC(start.year, start.month - 1, start.day)) / (7 * 86_400_000));
  return { first: start, days: weeks * 7, prev: { ...addDays(firstOfMonth, -1), day: 1 }, next: after };
}

/**
 * Month, week and agenda views; visitors see public events, members also members-only ones, trainings and bookings.
 * The title and its links come first; the views' navigation (the agenda's "Next" depends on what fits) and the
 * entries stream in below.
 */
export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  const roomId = parseId(params.room) ?? undefined;
  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <>
            {user?.permissions.has("calendar.write") && (
              <>
                <ButtonLink look="secondary" href="/admin/events/new">
                  {t("cal.newEvent")}
                </ButtonLink>
                <ButtonLink look="secondary" href="/admin/rooms">
                  {t("cal.manageRooms")}
                </ButtonLink>
              </>
            )}
            {user && (
              <>
                <ButtonLink look="secondary" href="/bookings">
                  {t("cal.bookMachine")}
                </ButtonLink>
                <ButtonLink look="secondary" href="/calendar/feed">
                  {t("cal.myFeed")}
                </ButtonLink>
              </>
            )}
            <ButtonAnchor look="secondary" href={roomId ? `/rooms/${roomId}/calendar.ics` : "/calendar.ics"}>
              {t("cal.subscribe")}
            </ButtonAnchor>
          </>
        }
      >
        {t("cal.title")}
      </PageTitle>
      <LoadingBoundary label={t("loading.status")} lines={10}>
        <CalendarBody params={params} user={user} roomId={roomId} />
      </LoadingBoundary>
    </div>
  );
}

async function CalendarBody({ params, user, roomId }: { params: Awaited<SearchParams>; user: CurrentUser | null; roomId: number | undefined }) {
  const [t, locale, space] = await Promise.all([getT(), getLocale(), getSpace()]);
  const tz = space.timeZone;
  const view: View = (VIEWS as readonly string[]).includes(first(params.view)) ? (first(params.view) as View) : "month";
  const anchor = parseDay(first(params.date)) ?? today(tz);
  const r = range(view, anchor);
  const db = getDb();
  // Counted and cut in the database: a month's day brings its first entries and its count, the agenda stops at a
  // day's end past AGENDA_SHOWN entries and "Next" goes on from the first day not shown.
  const [rooms, { days: entries, shownDays }] = await Promise.all([
    roomChoices(db),
    calendarDays(db, {
      first: r.first,
      days: r.days,
      timeZone: tz,
      includeMembersOnly: seesMembersOnly(user),
      viewer: user,
      roomId,
      perDay: view === "month" ? MONTH_DAY_SHOWN : undefined,
      total: view === "agenda" ? AGENDA_SHOWN : undefined,
    }),
  ]);
  if (shownDays < r.days) Object.assign(r, { days: shownDays, next: addDays(r.first, shownDays) });
  const href = (over: { view?: View; date?: Day }) => {
    const q = new URLSearchParams({ view: over.view ?? view, date: isoDate(over.date ?? anchor) });
    if (roomId) q.set("room", String(roomId));
    return `/calendar?${q}`;
  };
  const heading = view === "month" ? formatMonth(anchor, locale) : `${formatDay(r.first, locale)} – ${formatDay(addDays(r.first, r.days - 1), locale)}`;
  const viewProps = { entries: entries.slice(0, r.days), first: r.first, timeZone: tz, locale, t, todayIso: isoDate(today(tz)) };

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label={t("cal.title")} className="flex gap-1">
          {VIEWS.map((v) => (
            <ButtonLink
              key={v}
              href={href({ view: v })}
              aria-current={v === view ? "page" : undefined}
              look={v === view ? "primary" : "secondary"}
              size="small"
              className={v === view ? "border border-slate-800" : undefined}
            >
              {t(`cal.view.${v}`)}
            </ButtonLink>
          ))}
        </nav>
        <ButtonLink look="secondary" href={href({ date: r.prev })}>
          {t("cal.prev")}
        </ButtonLink>
        <ButtonLink look="secondary" href={href({ date: today(tz) })}>
          {t("cal.today")}
        </ButtonLink>
        <ButtonLink look="secondary" href={href({ date: r.next })}>
          {t("cal.next")}
        </ButtonLink>
        <form method="get" className="flex items-center gap-1">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={isoDate(anchor)} />
          <label htmlFor="cal-room" className="text-sm">
            {t("cal.room")}
          </label>
          <Select look="compact" className="text-sm" id="cal-room" name="room" defaultValue={roomId ? String(roomId) : ""}>
            <option value="">{t("cal.allRooms")}</option>
            {rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </Select>
          <Button look="secondary">{t("cal.filter")}</Button>
        </form>
      </div>
      <h2 id="calendar-range" className="text-lg font-semibold">
        {heading}
      </h2>
      {view === "month" ? (
        <MonthView {...viewProps} month={anchor.month} weekOf={(day) => href({ view: "week", date: day })} labelledBy="calendar-range" />
      ) : (
        <DayListView {...viewProps} showEmpty={view === "week"} />
      )}
    </>
  );
}
