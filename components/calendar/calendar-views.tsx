import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { addDays, type Day, dayOf, formatDay, formatTime, isoDate } from "@/lib/time";
import { CalendarItemLink } from "./calendar-item-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

interface ViewProps {
  items: CalendarItem[];
  first: Day;
  days: number;
  timeZone: string;
  locale: Locale;
  t: Translate;
  todayIso: string;
}

/** Items per local day; an item spanning several days shows on each of them. */
function byDay(items: CalendarItem[], timeZone: string): Map<string, CalendarItem[]> {
  const map = new Map<string, CalendarItem[]>();
  for (const item of items) {
    const last = dayOf(new Date(item.endsAt.getTime() - 1), timeZone);
    let d = dayOf(item.startsAt, timeZone);
    for (let guard = 0; d <= last && guard < 62; guard++) {
      map.set(d, [...(map.get(d) ?? []), item]);
      const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
      d = isoDate(addDays({ year: y, month: m, day: dd }, 1));
    }
  }
  return map;
}

/** Entries a month's day shows; past them the day links to its week, which lists them all. */
export const MONTH_DAY_SHOWN = 4;
/** Entries the agenda shows at most (whole days): past them it stops at a day's end and "Next" goes on from there. */
export const AGENDA_SHOWN = 150;

/**
 * How many of the agenda's `days` to show: whole days while the entries stay within `AGENDA_SHOWN` (at least one
 * day). A busy space's six weeks held 840 entries, written twice into the page (HTML and RSC payload): 620 KB.
 */
export function agendaDays(items: CalendarItem[], first: Day, days: number, timeZone: string): number {
  const map = byDay(items, timeZone);
  let shown = 0;
  for (let i = 0; i < days; i++) {
    shown += map.get(isoDate(addDays(first, i)))?.length ?? 0;
    if (shown > AGENDA_SHOWN) return Math.max(i, 1);
  }
  return days;
}

function timeLabel(item: CalendarItem, p: ViewProps): string {
  return item.kind === "event" && item.allDay ? p.t("cal.allDay") : formatTime(item.startsAt, p.locale, p.timeZone);
}

export function MonthView(p: ViewProps & { month: number; weekOf: (day: Day) => string }) {
  const map = byDay(p.items, p.timeZone);
  const weeks = Array.from({ length: p.days / 7 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(p.first, w * 7 + d)));
  return (
    <Table look="bare" className="w-full min-w-[42rem] table-fixed border-collapse" testId="month-view">
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
          <tr key={isoDate(week[0]!)}>
            {week.map((day) => {
              const iso = isoDate(day);
              return (
                <Td key={iso} className={`h-24 border border-slate-200 align-top ${day.month === p.month ? "" : "bg-slate-50 text-slate-600"}`}>
                  <div className={`px-1 text-xs ${iso === p.todayIso ? "font-bold text-amber-700" : ""}`}>{day.day}</div>
                  <ul className="space-y-0.5 px-0.5">
                    {(map.get(iso) ?? []).slice(0, MONTH_DAY_SHOWN).map((item) => (
                      <li key={`${item.kind}-${item.id}-${item.startsAt.getTime()}`}>
                        <CalendarItemLink item={item} time={timeLabel(item, p)} t={p.t} />
                      </li>
                    ))}
                    {(map.get(iso)?.length ?? 0) > MONTH_DAY_SHOWN && (
                      <li>
                        <a className="cal-more" href={p.weekOf(day)}>
                          {p.t("cal.more", { count: map.get(iso)!.length - MONTH_DAY_SHOWN })}
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
  const map = byDay(p.items, p.timeZone);
  const days = Array.from({ length: p.days }, (_, i) => addDays(p.first, i)).filter((d) => p.showEmpty || map.has(isoDate(d)));
  if (!days.length) return <EmptyState>{p.t("cal.nothing")}</EmptyState>;
  return (
    <ol className={p.showEmpty ? "grid gap-2 sm:grid-cols-7" : "space-y-3"} data-testid={p.showEmpty ? "week-view" : "agenda-view"}>
      {days.map((day) => {
        const iso = isoDate(day);
        return (
          <li key={iso} className="rounded border border-slate-200 bg-white p-2">
            <h2 className={`text-sm font-semibold ${iso === p.todayIso ? "text-amber-700" : ""}`}>
              {formatDay(day, p.locale, p.showEmpty ? "short" : "long")}
            </h2>
            <ul className="mt-1 space-y-1">
              {(map.get(iso) ?? []).map((item) => (
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
