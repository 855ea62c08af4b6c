"use client";

import { Table, Td, Th } from "@/components/ui/table";
import { CalendarItemLink, type CalendarEntry, type EntryTags } from "./calendar-item-link";

/** A day of the month grid: its number, flags (1 outside the month, 2 today), its entries and "+N more" if any. */
export type MonthCell = [day: number, flags: number, entries: CalendarEntry[], more?: MoreLink];
/** The link to a day's week: its text ("+16 more"), address and the day's name for screen readers. */
export type MoreLink = [text: string, href: string, dayName: string];
export const OUTSIDE_MONTH = 1;
export const TODAY = 2;

/**
 * The month's grid, given as plain data the server made (calendar-views.tsx MonthView). A client component so that
 * the page's payload carries these compact cells rather than the rendered tree of every entry (the HTML is the
 * same, rendered on the server); it has no state of its own.
 */
export function MonthGrid({ weekdays, cells, tags, labelledBy }: { weekdays: string[]; cells: MonthCell[]; tags: EntryTags; labelledBy: string }) {
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
