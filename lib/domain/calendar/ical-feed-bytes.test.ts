import { describe, expect, it } from "vitest";
import { renderFeed, type FeedInput } from "./ical-feed";
import { oracleText } from "./testing/ical-generator-oracle";

const TITLES = [
  "Open lab",
  "Löten für Anfänger – Grundkurs",
  "Fête de la science 🎉🔧",
  "Стрим 直播 🇦🇹",
  "a".repeat(200),
  'Comma, semicolon; backslash \\ quote "',
];
const DESCRIPTIONS = [
  null,
  "",
  "Bring <b>your</b> project\nand a 🍕",
  "Zeile eins\r\nZeile zwei – mit Umlauten äöüß und € Zeichen ".repeat(6),
  "👩‍🔧".repeat(40),
  "x".repeat(73) + "ü" + "y".repeat(150),
];
const ZONES = ["Europe/Vienna", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"];

function events(): FeedInput["events"] {
  const base = Date.UTC(2026, 9, 1, 17);
  return Array.from({ length: 60 }, (_, i) => {
    const startsAt = new Date(base + i * 37 * 3_600_000);
    const recurring = i % 7 === 0 ? "weekly" : i % 11 === 0 ? "monthly" : null;
    return {
      id: i + 1,
      slug: `werkstatt-abend-${i + 1}`,
      title: TITLES[i % TITLES.length]!,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length]!,
      location: i % 3 ? `Raum ${i % 4} – Werkstatt 🛠️` : "",
      startsAt,
      endsAt: new Date(startsAt.getTime() + (i % 5 === 0 ? 86_400_000 : 2 * 3_600_000)),
      timeZone: ZONES[i % ZONES.length]!,
      allDay: i % 5 === 0,
      createdAt: new Date(base - 86_400_000),
      updatedAt: new Date(base + i * 1000),
      cancelledAt: i % 9 === 0 ? new Date(base) : null,
      recurrenceFreq: recurring,
      recurrenceInterval: 1 + (i % 2),
      recurrenceCount: recurring && i % 2 ? 10 : null,
      recurrenceUntil: recurring && !(i % 2) ? new Date(base + 200 * 86_400_000) : null,
      recurrenceWeekdays: i % 14 === 0 ? [1, 3] : [],
      exceptionDates: i % 7 === 0 ? ["2026-10-20", "2026-11-03"] : [],
    } as unknown as FeedInput["events"][number];
  });
}

const span = (id: number, title: string) => ({
  id,
  title,
  startsAt: new Date(Date.UTC(2026, 9, id, 16)),
  endsAt: new Date(Date.UTC(2026, 9, id, 18)),
  location: "Laser 💥 cutter – hinten links",
  cancelled: id % 2 === 0,
  changedAt: new Date(Date.UTC(2026, 8, id)),
});

describe("renderFeed", () => {
  it("writes the very bytes ical-generator's own toString() writes: umlauts, emoji, long lines, zones, series", () => {
    const input: FeedInput = {
      name: "Makerspace – Kalender für Mitglieder 🗓️ ".repeat(3),
      host: "makerspace.test",
      baseUrl: "https://makerspace.test",
      events: events(),
      trainings: [span(1, "Einweisung Lasercutter"), span(2, "Training: CNC-Fräse für Fortgeschrittene mit sehr langem Titel, der umgebrochen wird")],
      bookings: [span(3, "Booking 🪚")],
    };
    const ours = renderFeed(input);
    expect(ours).toBe(oracleText(input));
    expect(ours).toContain("BEGIN:VTIMEZONE");
    // Each event links to its readable address (the slug), not its number.
    expect(ours.replace(/\r\n[ \t]/g, "")).toContain("URL;VALUE=URI:https://makerspace.test/events/werkstatt-abend-1\r\n");
  });

  it("still equals the library's text when most items come from the kept texts and one event changed", () => {
    const input: FeedInput = {
      name: "Makerspace",
      host: "makerspace.test",
      baseUrl: "https://makerspace.test",
      events: events(),
      trainings: [span(1, "Einweisung")],
    };
    expect(renderFeed(input)).toBe(oracleText(input));
    const changed = {
      ...input,
      events: input.events.map((e, i) => (i === 7 ? { ...e, title: "Moved 🎉", updatedAt: new Date(e.updatedAt.getTime() + 1) } : e)),
    };
    expect(renderFeed(changed)).toBe(oracleText(changed));
    expect(renderFeed(changed)).toContain("SUMMARY:Moved 🎉");
    expect(renderFeed(input)).toBe(oracleText(input));
  });

  it("equals the library's text for an empty feed too", () => {
    const input: FeedInput = { name: "Empty", host: "h", events: [] };
    expect(renderFeed(input)).toBe(oracleText(input));
  });
});
