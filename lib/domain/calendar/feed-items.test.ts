import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderPartsAs, xcalComponent } from "./feed-formats";
import { renderFeedAs } from "./testing/feed-conversions";
import { clearRenderedFeeds } from "./feed-render-cache";
import { renderFeed, renderParts, type FeedEvent, type FeedInput, type FeedTraining } from "./ical-feed";
import { oracleText } from "./testing/ical-generator-oracle";

/**
 * The hand-written feed (feed-items.ts) against the libraries it replaced, over thousands of generated items: the
 * .ics text byte for byte as ical-generator writes it, the .json and .xml as ical.js parses that text (feed-formats.ts
 * testing/feed-conversions.ts renderFeedAs). Seeded, so a failure names a feed that fails again.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

const ZONES = ["Europe/Vienna", "Europe/Amsterdam", "Europe/Rome", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "Etc/GMT+5"];
const WORDS = [
  "Löten",
  "für",
  "Anfänger",
  "–",
  "Fête",
  "🎉🔧",
  "Стрим",
  "直播",
  "🇦🇹",
  "👩‍🔧",
  "a,b",
  "x;y",
  "back\\slash",
  '"quoted"',
  "\\n",
  "\\N",
  "é",
  "€",
  "\t",
  "\u0007",
];
const BREAKS = ["\n", "\r\n", "\r"];

function words(r: Random, max: number): string {
  let out = "";
  const n = r.int(max + 1);
  for (let i = 0; i < n; i++) {
    out += r.pick(WORDS);
    out += r.chance(0.1) ? r.pick(BREAKS) : r.chance(0.05) ? "x".repeat(60 + r.int(40)) : " ";
  }
  return out;
}

/** Instants near the 2026 clock changes of the zones above and anywhere in 2025–2027. */
function instant(r: Random): number {
  const edges = [
    Date.UTC(2026, 2, 29, 1),
    Date.UTC(2026, 9, 25, 1),
    Date.UTC(2026, 2, 8, 7),
    Date.UTC(2026, 10, 1, 6),
    Date.UTC(2026, 3, 4, 15),
    Date.UTC(2026, 9, 3, 15, 30),
  ];
  if (r.chance(0.4)) return r.pick(edges) + (r.int(241) - 120) * 60_000 + r.int(60) * 1000 + r.int(1000);
  return Date.UTC(2025, 0, 1) + r.int(3 * 365 * 24 * 60) * 60_000 + (r.chance(0.2) ? r.int(60_000) : 0);
}

function event(r: Random, id: number): FeedEvent {
  const start = instant(r);
  const end = r.chance(0.05) ? start - r.int(5) * 3_600_000 : start + r.pick([0, 30, 90, 120, 24 * 60, 3 * 24 * 60]) * 60_000;
  const freq = r.pick([null, null, "weekly", "monthly"] as const);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    id,
    slug: r.chance(0.1) ? `odd,slug;${id}` : `event-${id}`,
    title: r.chance(0.03) ? "" : words(r, 12),
    description: r.pick(["", words(r, 40)]),
    location: r.pick([undefined, "", "Raum 1", words(r, 6), "Laser, Fräse; Werkbank"]),
    startsAt: new Date(start),
    endsAt: new Date(end),
    timeZone: r.pick(ZONES),
    allDay: r.chance(0.25),
    recurrenceFreq: freq,
    recurrenceInterval: 1 + r.int(4),
    recurrenceCount: freq && r.chance(0.5) ? 1 + r.int(30) : null,
    recurrenceUntil: freq && r.chance(0.4) ? new Date(start + r.int(400) * 86_400_000 + r.int(1000)) : null,
    recurrenceWeekdays: r.chance(0.5) ? Array.from({ length: r.int(4) }, () => r.int(7)) : [],
    exceptionDates: freq ? Array.from({ length: r.pick([0, 1, 3]) }, () => day(start + r.int(200) * 86_400_000)) : [],
    cancelledAt: r.chance(0.15) ? new Date(start) : null,
    createdAt: new Date(start - r.int(1e9)),
    updatedAt: new Date(start - r.int(1e8) + r.int(1000)),
  };
}

function span(r: Random, id: number): FeedTraining {
  const start = instant(r);
  return {
    id,
    title: words(r, 8),
    startsAt: new Date(start),
    endsAt: new Date(r.chance(0.05) ? start - 60_000 : start + r.int(300) * 60_000 + r.int(1000)),
    location: r.pick(["", "Lasercutter – hinten links", words(r, 5)]),
    cancelled: r.chance(0.3),
    changedAt: new Date(start - r.int(1e9)),
  };
}

function feed(seed: number): FeedInput {
  const r = prng(seed);
  return {
    name: r.pick(["Makerspace", "Makerspace – Kalender für Mitglieder 🗓️ ".repeat(3), ""]),
    host: "makerspace.test",
    baseUrl: r.chance(0.8) ? "https://makerspace.test" : undefined,
    events: Array.from({ length: 40 }, (_, i) => event(r, seed * 100 + i)),
    trainings: Array.from({ length: r.int(6) }, (_, i) => span(r, i + 1)),
    bookings: Array.from({ length: r.int(4) }, (_, i) => span(r, i + 1)),
  };
}

describe("hand-written feed items", () => {
  it("write the very bytes ical-generator writes, and the .json/.xml ical.js makes of them, for 1,200 generated events", () => {
    for (let seed = 1; seed <= 30; seed++) {
      clearRenderedFeeds();
      const input = feed(seed);
      const text = renderFeed(input);
      expect(text, `feed ${seed}`).toBe(oracleText(input));
      for (const format of ["json", "xml"] as const) {
        expect(renderPartsAs(format, renderParts(input)).toString("utf8"), `feed ${seed} .${format}`).toBe(renderFeedAs(format, text));
      }
    }
  });

  it("writes each item's xCal directly as converting its jCal gives it, for 1,200 generated events", () => {
    let recurring = 0;
    for (let seed = 1; seed <= 30; seed++) {
      clearRenderedFeeds();
      const input = feed(seed);
      // The generated words have no XML markup: some texts with it, escaped by both paths.
      input.events = input.events.map((e, i) => (i % 3 ? e : { ...e, title: `<b>${e.title} & co</b>`, location: "R&D <1>", description: "a > b" }));
      for (const item of renderParts(input).items) {
        const component = item.jcal!();
        if (component[1].some((p) => p[0] === "rrule")) recurring++;
        expect(item.xcal!(), `feed ${seed}: ${item.key}`).toBe(xcalComponent(component, false));
      }
    }
    expect(recurring).toBeGreaterThan(0);
  });

  it("writes the same bytes whatever zone the server process runs in (ical-generator read zoned times in it)", () => {
    // Found in this rewrite: with TZ=Europe/Vienna the library wrote an event at 19:00 Vienna as 21:00.
    const input = feed(7);
    const zone = process.env.TZ;
    try {
      for (const tz of ["Europe/Vienna", "America/New_York", "Asia/Kolkata"]) {
        process.env.TZ = tz;
        clearRenderedFeeds();
        expect(renderFeed(input), tz).toBe(oracleText(input));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("ends an all-day series on a DATE, its last day, as RFC 5545 section 3.3.10 asks (strict clients drop a date-time there)", () => {
    // Mondays 5 to 26 October 2026 in Vienna; the stored end is the start of the 27th there (after the clock change).
    const startsAt = new Date(Date.UTC(2026, 9, 4, 22));
    const input: FeedInput = {
      name: "",
      host: "h",
      events: [
        {
          ...event(prng(1), 1),
          allDay: true,
          timeZone: "Europe/Vienna",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 86_400_000),
          recurrenceFreq: "weekly",
          recurrenceInterval: 1,
          recurrenceCount: null,
          recurrenceUntil: new Date(Date.UTC(2026, 9, 26, 23)),
          recurrenceWeekdays: [],
          exceptionDates: [],
        },
      ],
    };
    const text = renderFeed(input);
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20261026;BYDAY=MO\r\n");
    expect(text).toBe(oracleText(input));
    const vevent = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent("vevent")!;
    const expand = new ICAL.Event(vevent).iterator();
    const days: string[] = [];
    for (let next = expand.next(); next; next = expand.next()) days.push(next.toString());
    expect(days).toEqual(["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"]);
  });

  it("covers what it claims: all-day, series with counts, ends, days and exceptions, zones, cancelled, escapes, folds", () => {
    const all = Array.from({ length: 30 }, (_, i) => renderFeed(feed(i + 1))).join("");
    for (const needle of [
      "DTSTART;VALUE=DATE:",
      "EXDATE;VALUE=DATE:",
      "EXDATE;TZID=",
      "EXDATE:",
      ";COUNT=",
      ";UNTIL=",
      ";BYDAY=",
      "FREQ=MONTHLY",
      "DTSTART;TZID=Europe/Vienna:20261025T02",
      "DTSTART;TZID=America/New_York:",
      "DTSTART:2026",
      "STATUS:CANCELLED",
      "\\,",
      "\\;",
      "\\\\",
      "\\n",
      "\r\n ",
      "UID:training-",
      "UID:booking-",
      "LOCATION:",
      "URL;VALUE=URI:https://makerspace.test/events/odd\\,slug\\;",
      "BEGIN:VTIMEZONE",
    ])
      expect(all, needle).toContain(needle);
  });
});
