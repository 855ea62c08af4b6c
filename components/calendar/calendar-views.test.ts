import { readFileSync } from "node:fs";
import type { ReactElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CalendarDay } from "@/lib/domain/calendar/calendar-days";
import type { CalendarItem } from "@/lib/domain/calendar/calendar-queries";
import { translator } from "@/lib/i18n/translate";
import { addDays, type Day, isoDate, startOfDay } from "@/lib/time";
import { AGENDA_SHOWN, DayListView, MONTH_DAY_SHOWN, MonthView } from "./calendar-views";
import { DayList } from "./day-list";
import { MonthGrid } from "./month-grid";

const tz = "Europe/Vienna";
const first: Day = { year: 2030, month: 4, day: 29 }; // the Monday before 1 May 2030: six weeks
const t = translator("en");

/**
 * `perDay` events on each of the six weeks' days, from 08:00 local time, 30 (past 20 a day: 5) minutes apart, as
 * calendar-days.ts gives them to the month: each day's first entries and its count (calendar-days.int.test.ts).
 */
function busy(perDay: number, shown = MONTH_DAY_SHOWN): CalendarDay[] {
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
  return Array.from({ length: 42 }, (_, d) => ({ items: items.slice(d * perDay, d * perDay + shown), count: perDay }));
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
    expect(html).toContain("> Event 140</a>");
    expect(html).not.toContain("> Event 144</a>");
    // An entry is its link, the time the one element inside: a month renders 168 of them on every request.
    expect(html).toContain('<li><a href="/events/event-140" class="cal-item cal-event" title="Event 140"><span class="cal-t">');
    expect(html.match(/<[a-z]/g)!.length).toBeLessThanOrEqual(42 * 3 + 168 * 3 + 42 * 3 + 20); // 774 (942 with a span in each link)
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

const dayList = (entries: CalendarDay[], showEmpty: boolean) =>
  DayListView({ entries, first, timeZone: tz, locale: "en", t, todayIso: "2030-04-30", showEmpty }) as ReactElement<object>;

describe("week and agenda", () => {
  const at = (hour: number, minute = 0) => new Date(Date.UTC(2030, 3, 29, hour - 2, minute)); // Vienna is UTC+2 in spring
  const items: CalendarItem[] = [
    {
      kind: "event",
      id: 1,
      slug: "repair",
      title: `<b>Repair</b> & "fix"`,
      startsAt: at(9),
      endsAt: at(10),
      allDay: false,
      cancelled: false,
      isPublic: false,
      rooms: ["Hall <1>", "Lab"],
    },
    { kind: "training", id: 2, title: "Laser (basic)", startsAt: at(18, 30), endsAt: at(20), cancelled: true, location: "Lab" },
    { kind: "booking", id: 3, title: "Lathe", startsAt: at(20), endsAt: at(21), machineId: 1, personName: null },
  ];
  const oneDay = (): CalendarDay[] => Array.from({ length: 7 }, (_, d) => (d === 0 ? { items, count: 3 } : { items: [], count: 0 }));

  it("shows the entries as the month does, in the space's time zone, member text as text, the agenda with each event's rooms", () => {
    const agenda = renderToStaticMarkup(dayList(oneDay(), false));
    expect(agenda).toContain(
      '<a href="/events/repair" class="cal-item cal-event" title="&lt;b&gt;Repair&lt;/b&gt; &amp; &quot;fix&quot;"><span class="cal-t">09:00</span> &lt;b&gt;Repair&lt;/b&gt; &amp; &quot;fix&quot;<span class="sr-only"> (members only)</span></a><span class="cal-rooms">Hall &lt;1&gt;, Lab</span>',
    );
    expect(agenda).toContain('<span class="cal-t">18:30</span> Training: Laser (basic)<span class="sr-only"> (cancelled)</span>');
    // A booking's person is named only when the viewer may see the name (calendar-days.ts gives null otherwise).
    expect(agenda).toContain('title="Booking: Lathe"><span class="cal-t">20:00</span> Booking: Lathe</span>');
    // The agenda leaves empty days out; the week shows all seven, today marked, without rooms.
    expect(agenda.match(/<h2 /g)).toHaveLength(1);
    expect(agenda).toContain("Monday, 29 April 2030</h2>");
    const week = renderToStaticMarkup(dayList(oneDay(), true));
    expect(week.match(/<h2 /g)).toHaveLength(7);
    expect(week).toContain('<h2 class="text-sm font-semibold text-amber-700">Tue 30 Apr</h2>');
    expect(week).not.toContain("Hall");
    expect(
      renderToStaticMarkup(
        dayList(
          oneDay().map(() => ({ items: [], count: 0 })),
          false,
        ),
      ),
    ).toContain("Nothing");
  });

  it("hands the list, a client component, compact days: the page's payload carries each entry as a short tuple, not its rendered tree", () => {
    expect(readFileSync(new URL("./day-list.tsx", import.meta.url), "utf8")).toMatch(/^"use client";/);
    // A full agenda: AGENDA_SHOWN entries over the view's first days (25 a day), all with a room.
    const full = busy(25, 25).map((day, d) => (d < AGENDA_SHOWN / 25 ? day : { items: [], count: 0 }));
    for (const day of full) for (const item of day.items) if (item.kind === "event") item.rooms = ["Bench room 1"];
    for (const showEmpty of [false, true]) {
      const view = dayList(showEmpty ? full.slice(0, 7) : full, showEmpty);
      expect(view.type).toBe(DayList);
      const payload = JSON.stringify(view.props);
      expect(payload).toContain(showEmpty ? '[0,"08:05","Event 1","event-1",0]' : '[0,"08:05","Event 1","event-1",0,"Bench room 1"]');
      // About 55 bytes an entry as data (8 KB for the agenda); its rendered markup is about 200 (31 KB), and the tree
      // of elements it was made from, sent in the payload before, was larger still and escaped once more in the page.
      const html = renderToStaticMarkup(view);
      expect(html.match(/class="cal-item /g)).toHaveLength(AGENDA_SHOWN);
      expect(payload.length).toBeLessThan(html.length / 3);
      // As the server streams it: an entry's time and text with no "<!-- -->" between two texts, its rooms under one
      // short class (each was ~30 bytes more, for every entry of the agenda).
      const streamed = renderToString(view);
      expect(streamed).toContain('<span class="cal-t">08:05</span> Event 1</a>');
      expect(streamed).not.toContain("<!-- -->");
      if (!showEmpty) expect(streamed).toContain('<span class="cal-rooms">Bench room 1</span></li>');
    }
  });
});
