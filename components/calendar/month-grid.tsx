"use client";

import { Table, Td, Th } from "@/components/ui/table";
import { type DayCell, type EntryTags, OUTSIDE_MONTH, TODAY } from "./calendar-cells";
import { CalendarItemLink } from "./calendar-item-link";

/**
 * The month's grid, given as plain data the server made (calendar-views.tsx MonthView; the shape in
 * calendar-cells.ts). A client component so that the page's payload carries these compact cells rather than the
 * rendered tree of every entry (the HTML is the same, rendered on the server); it has no state of its own.
 */
export function MonthGrid({ weekdays, cells, tags, labelledBy }: { weekdays: string[]; cells: DayCell[]; tags: EntryTags; labelledBy: string }) {
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Table look="bare" className="w-full min-w-[42rem] table-fixed border-collapse" testId="month-view" labelledBy={labelledBy}>
      <thead>
        <tr>
          {weekdays.map((name, d) => (
            <Th key={d} className="border border-slate-200 bg-slate-50 py-1">
              {name}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map(([day, flags, entries, more], d) => (
              <Td key={d} className={`h-24 border border-slate-200 align-top ${flags & OUTSIDE_MONTH ? "bg-slate-50 text-slate-600" : ""}`}>
                <div className={`px-1 text-xs ${flags & TODAY ? "font-bold text-amber-700" : ""}`}>{day}</div>
                <ul className="space-y-0.5 px-0.5">
                  {entries.map((entry, i) => (
                    <li key={i}>
                      <CalendarItemLink entry={entry} tags={tags} />
                    </li>
                  ))}
                  {more && (
                    <li>
                      <a className="cal-more" href={more[1]}>
                        {more[0]}
                        <span className="sr-only"> ({more[2]})</span>
                      </a>
                    </li>
                  )}
                </ul>
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
