import { readFileSync } from "node:fs";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CalendarDay } from "@/lib/domain/calendar/calendar-days";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import { translator } from "@/lib/i18n/translate";
import { addDays, type Day, isoDate, startOfDay } from "@/lib/time";
import { MONTH_DAY_SHOWN, MonthView } from "./calendar-views";
import { MonthGrid } from "./month-grid";

const tz = "Europe/Vienna";
const first: Day = { year: 2030, month: 4, day: 29 }; // the Monday before 1 May 2030: six weeks
const t = translator("en");

/**
 * `perDay` events on each of the six weeks' days, from 08:00 local time, 30 (past 20 a day: 5) minutes apart, as
 * calendar-days.ts gives them to the month: each day's first entries and its count (calendar-days.int.test.ts).
 */
function busy(perDay: number): CalendarDay[] {
  const items = Array.from({ length: 42 * perDay }, (_, i): CalendarItem => {
    const startsAt = new Date(startOfDay(addDays(first, Math.floor(i / perDay)), tz).getTime() + (8 * 60 + (perDay > 20 ? 5 : 30) * (i % perDay)) * 60_000);
    return {
      kind: "event",
      id: i,
      slug: `event-${i}`,
      title: `Event ${i}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      allDay: false,
      cancelled: false,
      isPublic: true,
      rooms: [],
    };
  });
  return Array.from({ length: 42 }, (_, d) => ({ items: items.slice(d * perDay, d * perDay + MONTH_DAY_SHOWN), count: perDay }));
}

const monthView = (entries: CalendarDay[]) =>
  MonthView({
    entries,
    first,
    timeZone: tz,
    locale: "en",
    t,
    todayIso: "2030-05-15",
    month: 5,
    weekOf: (day) => `/calendar?view=week&date=${isoDate(day)}`,
    labelledBy: "calendar-range",
  }) as ReactElement<object>;
const month = (entries: CalendarDay[]) => renderToStaticMarkup(monthView(entries));

describe("month view of a busy space", () => {
  it("is a table named by the heading above it (the month)", () => {
    expect(month(busy(1))).toMatch(/^<div class="overflow-x-auto"><table class="[^"]*" aria-labelledby="calendar-range" data-testid="month-view">/);
  });

  it(`shows ${MONTH_DAY_SHOWN} entries a day and links the day's week for the rest, so the page stays small`, () => {
    // 20 a day: 840 entries in six weeks. Every entry the page writes is written twice (HTML and RSC payload).
    const html = month(busy(20));
    expect(html.match(/class="cal-item /g)).toHaveLength(42 * MONTH_DAY_SHOWN);
    expect(html.match(/class="cal-more"/g)).toHaveLength(42);
    expect(html).toContain(
      `<a class="cal-more" href="/calendar?view=week&amp;date=2030-05-07">+16 more<span class="sr-only"> (Tuesday, 7 May 2030)</span></a>`,
    );
    // Each day's first entries in their order, the later ones not at all.
    expect(html).toContain("> Event 140</span>");
    expect(html).not.toContain("> Event 144</span>");
    expect(html.length).toBeLessThan(60_000);
  });

  it("hands the grid, a client component, plain cells: the page's payload carries each entry as a short tuple, not its rendered tree", () => {
    const view = monthView(busy(20));
    expect(view.type).toBe(MonthGrid);
    expect(readFileSync(new URL("./month-grid.tsx", import.meta.url), "utf8")).toMatch(/^"use client";/);
    // 168 entries and 42 "+N more" links: about 10 KB as data (the tree of elements was ~45 KB, escaped once more in the page).
    const payload = JSON.stringify(view.props);
    expect(payload).toContain('[0,"08:00","Event 140","event-140",0]');
    expect(payload.length).toBeLessThan(14_000);
  });

  it("a day within the limit shows all its entries and no link", () => {
    const html = month(busy(MONTH_DAY_SHOWN));
    expect(html.match(/class="cal-item /g)).toHaveLength(42 * MONTH_DAY_SHOWN);
    expect(html).not.toContain("cal-more");
  });
});
