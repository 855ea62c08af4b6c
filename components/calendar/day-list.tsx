"use client";

import { type DayCell, type EntryTags, TODAY } from "./calendar-cells";
import { CalendarItemLink } from "./calendar-item-link";

/**
 * The week and the agenda: a list per day, given as plain data the server made (calendar-views.tsx DayListView; the
 * shape in calendar-cells.ts, shared with the month's grid). A client component for the same reason as the grid: the
 * page's payload carries the compact days, not the rendered tree of every entry; no state of its own.
 */
export function DayList({ days, tags, week }: { days: DayCell[]; tags: EntryTags; week: boolean }) {
  return (
    <ol className={week ? "grid gap-2 sm:grid-cols-7" : "space-y-3"} data-testid={week ? "week-view" : "agenda-view"}>
      {days.map(([name, flags, entries], d) => (
        <li key={d} className="rounded border border-slate-200 bg-white p-2">
          <h2 className={`text-sm font-semibold ${flags & TODAY ? "text-amber-700" : ""}`}>{name}</h2>
          <ul className="mt-1 space-y-1">
            {entries.map((entry, i) => (
              <li key={i}>
                <CalendarItemLink entry={entry} tags={tags} />
                {entry[5] !== undefined && <span className="cal-rooms">{entry[5]}</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
