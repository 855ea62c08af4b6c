import { describe, expect, it } from "vitest";
import { dateFormatter, formatDate, formatDateTime, formatDay, formatMonth, formatPlainDate, formatRange, formatterCount } from "./format";

const VIENNA = "Europe/Vienna";
// ICU puts thin or narrow no-break spaces around a range's dash; compare the words, not the kind of space.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatting", () => {
  it("uses one date style per language", () => {
    const at = new Date("2026-12-15T09:00:00Z");
    expect(formatDate(at, "en", VIENNA)).toBe("15 Dec 2026");
    expect(formatDate(at, "de", VIENNA)).toBe("15.12.2026");
    expect(formatDateTime(at, "en", VIENNA)).toBe("15 Dec 2026, 10:00");
    expect(formatDateTime(at, "de", VIENNA)).toBe("15.12.2026, 10:00");
    expect(formatDay({ year: 2026, month: 12, day: 15 }, "en", "short")).toBe("Tue 15 Dec");
    expect(formatMonth({ year: 2026, month: 12, day: 15 }, "de")).toBe("Dezember 2026");
  });

  it("shows a same-day range's date once", () => {
    const start = new Date("2026-12-15T09:00:00Z");
    expect(formatRange(start, new Date("2026-12-15T10:00:00Z"), "en", VIENNA)).toBe("15 Dec 2026, 10:00–11:00");
    expect(plain(formatRange(start, new Date("2026-12-16T10:00:00Z"), "en", VIENNA))).toBe("15 Dec 2026, 10:00 – 16 Dec 2026, 11:00");
    // 23:30–00:30 UTC is one evening in London but two days in Vienna.
    expect(formatRange(new Date("2026-12-15T23:00:00Z"), new Date("2026-12-15T23:30:00Z"), "en", "Europe/London")).toBe("15 Dec 2026, 23:00–23:30");
    expect(plain(formatRange(new Date("2026-12-15T22:30:00Z"), new Date("2026-12-15T23:30:00Z"), "en", VIENNA))).toBe(
      "15 Dec 2026, 23:30 – 16 Dec 2026, 00:30",
    );
  });

  it("never moves a date-only value by a day, whatever the zone of the process", () => {
    expect(formatPlainDate("2026-12-15", "en")).toBe("15 Dec 2026");
    expect(formatPlainDate({ year: 2026, month: 1, day: 1 }, "de")).toBe("01.01.2026");
    expect(formatPlainDate("not a date", "en")).toBe("not a date");
    const before = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York"]) {
        process.env.TZ = zone; // Node applies a changed TZ at once
        expect(formatPlainDate("2026-12-15", "en")).toBe("15 Dec 2026");
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("builds each formatter once per language, zone and style and reuses it", () => {
    const first = dateFormatter("en", "Europe/Rome", "dateTime");
    const count = formatterCount();
    for (let i = 0; i < 500; i++) formatDateTime(new Date(Date.UTC(2026, 0, 1, 0, i)), "en", "Europe/Rome");
    expect(dateFormatter("en", "Europe/Rome", "dateTime")).toBe(first);
    expect(formatterCount()).toBe(count);
    expect(dateFormatter("de", "Europe/Rome", "dateTime")).not.toBe(first);
    expect(formatterCount()).toBe(count + 1);
  });
});
