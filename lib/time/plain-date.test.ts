import { describe, expect, it } from "vitest";
import { addDays, daysInMonth, isoDate, isoWeek, mondayOf, parseDay, weekday } from "./plain-date";

describe("plain dates", () => {
  it("parses real days only", () => {
    expect(parseDay("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ["2027-02-29", "2027-13-01", "2027-1-01", "01.02.2027", "", null, undefined]) expect(parseDay(bad)).toBeNull();
  });

  it("counts days, weekdays and weeks without any zone", () => {
    expect(isoDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe("2027-01-01");
    expect(isoDate(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe("2026-02-28");
    expect(weekday({ year: 2026, month: 12, day: 15 })).toBe(2); // Tuesday
    expect(weekday({ year: 2026, month: 12, day: 13 })).toBe(0); // Sunday
    expect(mondayOf({ year: 2026, month: 12, day: 13 })).toEqual({ year: 2026, month: 12, day: 7 });
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(isoWeek({ year: 2026, month: 11, day: 27 })).toBe("2026-W48");
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe("2026-W53");
  });
});
