import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { addDays, daysInMonth, isoDate, isoWeek, mondayOf, parseDay, weekday } from "./plain-date";

const threw = (f: () => unknown) => {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof RangeError;
  }
};

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

  it("adds days and names weekdays as Temporal does, on the UTC calendar, from year 1 to 9000 (leap days included)", () => {
    const wrong: string[] = [];
    for (let n = 0; n < 4000; n++) {
      // A spread of days (every month, leap years and centuries) and of offsets, the same every run.
      const d = { year: 1 + ((n * 7919) % 9000), month: 1 + (n % 12), day: 1 + ((n * 31) % 28) + (n % 5 === 0 ? 1 : 0) };
      if (n % 97 === 0) Object.assign(d, { month: 2, day: 29, year: 2000 - (n % 400) * 4 });
      const days = ((n * 104_729) % 2001) - 1000;
      let p: Temporal.PlainDate;
      try {
        p = Temporal.PlainDate.from(d, { overflow: "reject" });
      } catch {
        // 29 February of a year that has none (1900, 1800 …): refused by both
        if (!threw(() => addDays(d, days))) wrong.push(`${isoDate(d)} accepted`);
        continue;
      }
      const added = p.add({ days });
      if (isoDate(addDays(d, days)) !== added.toString()) wrong.push(`${p} + ${days}`);
      if (weekday(d) !== p.dayOfWeek % 7) wrong.push(`weekday of ${p}`);
    }
    expect(wrong).toEqual([]);
    expect(() => addDays({ year: 2027, month: 2, day: 29 }, 1)).toThrow(RangeError);
    expect(() => addDays({ year: 2027, month: 13, day: 1 }, 1)).toThrow(RangeError);
    expect(() => addDays({ year: 2027, month: 1, day: 1 }, 0.5)).toThrow(RangeError);
  });
});
