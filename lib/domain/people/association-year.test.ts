import { describe, expect, it } from "vitest";
import { nearestYearEnd } from "./association-year";

describe("nearestYearEnd", () => {
  it.each([
    ["late in a calendar year", "2026-12-20", 1, 1, "2026-12-31"],
    ["early in the next", "2027-01-05", 1, 1, "2026-12-31"],
    ["on the last day", "2026-12-31", 1, 1, "2026-12-31"],
    ["a year starting in September, in August", "2026-08-20", 9, 1, "2026-08-31"],
    ["a year starting in September, in autumn", "2026-09-10", 9, 1, "2026-08-31"],
    ["a year starting on 1 March in a leap year", "2028-02-20", 3, 1, "2028-02-29"],
    ["a year starting mid-month", "2026-07-10", 7, 15, "2026-07-14"],
  ])("%s", (_why, today, month, day, expected) => {
    expect(nearestYearEnd(today, month, day)).toBe(expected);
  });
});
