import type { CalendarDay } from "@/lib/domain/calendar/calendar-days";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { addDays, type Day, formatDay, formatTime, isoDate } from "@/lib/time";
import { calendarEntry, CalendarItemLink, entryTags } from "./calendar-item-link";
import { type MonthCell, MonthGrid, OUTSIDE_MONTH, TODAY } from "./month-grid";
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
 * The month: each day's first MONTH_DAY_SHOWN entries and a link to its week for the rest, made here into the plain
 * cells the grid (a client component, month-grid.tsx) renders; named by the heading above it (`labelledBy`, its
 * id: "December 2026").
 */
export function MonthView(p: ViewProps & { month: number; weekOf: (day: Day) => string; labelledBy: string }) {
  const tags = entryTags(p.t);
  const cells = p.entries.map(({ items, count }, index): MonthCell => {
    const day = addDays(p.first, index);
    const flags = (day.month === p.month ? 0 : OUTSIDE_MONTH) | (isoDate(day) === p.todayIso ? TODAY : 0);
    const entries = items.slice(0, MONTH_DAY_SHOWN).map((item) => calendarEntry(item, timeLabel(item, p), p.t));
    if (count <= MONTH_DAY_SHOWN) return [day.day, flags, entries];
    return [day.day, flags, entries, [p.t("cal.more", { count: count - MONTH_DAY_SHOWN }), p.weekOf(day), formatDay(day, p.locale)]];
  });
  return <MonthGrid weekdays={[1, 2, 3, 4, 5, 6, 0].map((d) => p.t(`wd.${d}` as "wd.0"))} cells={cells} tags={tags} labelledBy={p.labelledBy} />;
}

/** Week and agenda: a list per day (empty days are left out of the agenda). */
export function DayListView(p: ViewProps & { showEmpty: boolean }) {
  const tags = entryTags(p.t);
  const days = p.entries.map((entry, i) => ({ day: addDays(p.first, i), items: entry.items })).filter((d) => p.showEmpty || d.items.length);
  if (!days.length) return <EmptyState>{p.t("cal.nothing")}</EmptyState>;
  return (
    <ol className={p.showEmpty ? "grid gap-2 sm:grid-cols-7" : "space-y-3"} data-testid={p.showEmpty ? "week-view" : "agenda-view"}>
      {days.map(({ day, items }) => {
        const iso = isoDate(day);
        return (
          <li key={iso} className="rounded border border-slate-200 bg-white p-2">
            <h2 className={`text-sm font-semibold ${iso === p.todayIso ? "text-amber-700" : ""}`}>
              {formatDay(day, p.locale, p.showEmpty ? "short" : "long")}
            </h2>
            <ul className="mt-1 space-y-1">
              {items.map((item) => (
                <li key={`${item.kind}-${item.id}-${item.startsAt.getTime()}`}>
                  <CalendarItemLink entry={calendarEntry(item, timeLabel(item, p), p.t)} tags={tags} />
                  {item.kind === "event" && item.rooms.length > 0 && !p.showEmpty && (
                    <span className="ml-1 text-xs text-slate-500">{item.rooms.join(", ")}</span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
