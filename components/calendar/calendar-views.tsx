import type { CalendarDay } from "@/lib/domain/calendar/calendar-days";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { addDays, type Day, formatDay, formatTime, isoDate } from "@/lib/time";
import { CalendarItemLink } from "./calendar-item-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

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

/** The month's grid of days, named by the heading above it (`labelledBy`, its id: "December 2026"). */
export function MonthView(p: ViewProps & { month: number; weekOf: (day: Day) => string; labelledBy: string }) {
  const weeks = Array.from({ length: p.entries.length / 7 }, (_, w) => Array.from({ length: 7 }, (_, d) => w * 7 + d));
  return (
    <Table look="bare" className="w-full min-w-[42rem] table-fixed border-collapse" testId="month-view" labelledBy={p.labelledBy}>
      <thead>
        <tr>
          {[1, 2, 3, 4, 5, 6, 0].map((d) => (
            <Th key={d} className="border border-slate-200 bg-slate-50 py-1">
              {p.t(`wd.${d}` as "wd.0")}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((index) => {
              const day = addDays(p.first, index);
              const { items, count } = p.entries[index]!;
              const iso = isoDate(day);
              return (
                <Td key={iso} className={`h-24 border border-slate-200 align-top ${day.month === p.month ? "" : "bg-slate-50 text-slate-600"}`}>
                  <div className={`px-1 text-xs ${iso === p.todayIso ? "font-bold text-amber-700" : ""}`}>{day.day}</div>
                  <ul className="space-y-0.5 px-0.5">
                    {items.slice(0, MONTH_DAY_SHOWN).map((item) => (
                      <li key={`${item.kind}-${item.id}-${item.startsAt.getTime()}`}>
                        <CalendarItemLink item={item} time={timeLabel(item, p)} t={p.t} />
                      </li>
                    ))}
                    {count > MONTH_DAY_SHOWN && (
                      <li>
                        <a className="cal-more" href={p.weekOf(day)}>
                          {p.t("cal.more", { count: count - MONTH_DAY_SHOWN })}
                          <span className="sr-only"> ({formatDay(day, p.locale)})</span>
                        </a>
                      </li>
                    )}
                  </ul>
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Week and agenda: a list per day (empty days are left out of the agenda). */
export function DayListView(p: ViewProps & { showEmpty: boolean }) {
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
                  <CalendarItemLink item={item} time={timeLabel(item, p)} t={p.t} />
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
