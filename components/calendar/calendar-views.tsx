import type { CalendarDay } from "@/lib/domain/calendar/calendar-days";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { addDays, type Day, formatDay, formatTime, isoDate } from "@/lib/time";
import { calendarEntry, type DayCell, entryTags, type MoreLink, OUTSIDE_MONTH, TODAY } from "./calendar-cells";
import { DayList } from "./day-list";
import { MonthGrid } from "./month-grid";
import { EmptyState } from "@/components/ui/empty-state";

interface ViewProps {
  /** The view's days from `first`, each with the entries it shows and how many it holds (calendar-days.ts). */
  entries: CalendarDay[];
  first: Day;
  timeZone: string;
  locale: Locale;
  t: Translate;
  todayIso: string;
}

/** Entries a month's day shows; past them the day links to its week, which lists them all. */
export const MONTH_DAY_SHOWN = 4;
/** Entries the agenda shows at most (whole days): past them it stops at a day's end and "Next" goes on from there. */
export const AGENDA_SHOWN = 150;

function timeLabel(item: CalendarItem, p: ViewProps): string {
  return item.kind === "event" && item.allDay ? p.t("cal.allDay") : formatTime(item.startsAt, p.locale, p.timeZone);
}

/**
 * Every view's days as the compact cells its client component renders (calendar-cells.ts): each day's name, flags
 * (today; `outside` the month), its first `shown` entries (all by default) with their rooms if `rooms`, and the link
 * `more` makes for the rest.
 */
function dayCells(
  p: ViewProps,
  o: { name: (day: Day) => number | string; outside?: (day: Day) => boolean; shown?: number; rooms?: boolean; more?: (day: Day, hidden: number) => MoreLink },
): DayCell[] {
  return p.entries.map(({ items, count }, index): DayCell => {
    const day = addDays(p.first, index);
    const flags = (o.outside?.(day) ? OUTSIDE_MONTH : 0) | (isoDate(day) === p.todayIso ? TODAY : 0);
    const entries = items.slice(0, o.shown).map((item) => {
      const entry = calendarEntry(item, timeLabel(item, p), p.t);
      if (o.rooms && item.kind === "event" && item.rooms.length > 0) entry.push(item.rooms.join(", "));
      return entry;
    });
    const hidden = count - entries.length;
    return o.more && hidden > 0 ? [o.name(day), flags, entries, o.more(day, hidden)] : [o.name(day), flags, entries];
  });
}

/**
 * The month: each day's first MONTH_DAY_SHOWN entries and a link to its week for the rest, rendered by the grid (a
 * client component, month-grid.tsx); named by the heading above it (`labelledBy`, its id: "December 2026").
 */
export function MonthView(p: ViewProps & { month: number; weekOf: (day: Day) => string; labelledBy: string }) {
  // "+N more" formatted once per N (an ICU plural: a busy month asks for the same few on most of its 42 days).
  const moreText = new Map<number, string>();
  const cells = dayCells(p, {
    name: (day) => day.day,
    outside: (day) => day.month !== p.month,
    shown: MONTH_DAY_SHOWN,
    more: (day, hidden) => {
      let text = moreText.get(hidden);
      if (text === undefined) moreText.set(hidden, (text = p.t("cal.more", { count: hidden })));
      return [text, p.weekOf(day), formatDay(day, p.locale)];
    },
  });
  return <MonthGrid weekdays={[1, 2, 3, 4, 5, 6, 0].map((d) => p.t(`wd.${d}` as "wd.0"))} cells={cells} tags={entryTags(p.t)} labelledBy={p.labelledBy} />;
}

/** Week and agenda: a list per day (empty days are left out of the agenda, which names each event's rooms). */
export function DayListView(p: ViewProps & { showEmpty: boolean }) {
  const week = p.showEmpty;
  const days = dayCells(p, { name: (day) => formatDay(day, p.locale, week ? "short" : "long"), rooms: !week }).filter((d) => week || d[2].length);
  if (!days.length) return <EmptyState>{p.t("cal.nothing")}</EmptyState>;
  return <DayList days={days} tags={entryTags(p.t)} week={week} />;
}
