import { describe, expect, it } from "vitest";
import { expandOccurrences, type RecurrenceInput } from "./recurrence";
import { instantOf, wallTimeOf } from "./zone";

const VIENNA = "Europe/Vienna";
const base = (over: Partial<RecurrenceInput>): RecurrenceInput => ({
  startsAt: new Date("2026-10-13T17:00:00Z"), // Tuesday 19:00 Vienna (summer time)
  endsAt: new Date("2026-10-13T20:00:00Z"),
  timeZone: VIENNA,
  allDay: false,
  freq: "weekly",
  interval: 1,
  until: null,
  count: null,
  weekdays: [],
  exceptionDates: [],
  ...over,
});

describe("time zones", () => {
  it("maps wall-clock time to UTC on both sides of the October change", () => {
    expect(instantOf({ year: 2026, month: 10, day: 20, hour: 19, minute: 0 }, VIENNA).toISOString()).toBe("2026-10-20T17:00:00.000Z");
    expect(instantOf({ year: 2026, month: 10, day: 27, hour: 19, minute: 0 }, VIENNA).toISOString()).toBe("2026-10-27T18:00:00.000Z");
  });
  it("moves a time in the spring gap forward and picks the earlier instant in the autumn overlap", () => {
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, VIENNA).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, VIENNA).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("expandOccurrences", () => {
  it("keeps every Tuesday at 19:00 local across the DST change", () => {
    const occ = expandOccurrences(base({ count: 4 }), new Date("2030-01-01"));
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-13T17:00:00.000Z",
      "2026-10-20T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z",
      "2026-11-03T18:00:00.000Z",
    ]);
    for (const o of occ) expect(wallTimeOf(o.startsAt, VIENNA)).toMatchObject({ hour: 19, minute: 0 });
    expect(occ[2]!.endsAt.toISOString()).toBe("2026-10-27T21:00:00.000Z");
  });

  it("ends before an occurrence starting at the stored until (the form keeps 'until 25 Oct' as the start of 26 Oct)", () => {
    const mondays = base({
      allDay: true,
      startsAt: instantOf({ year: 2026, month: 10, day: 5, hour: 0, minute: 0 }, VIENNA),
      endsAt: instantOf({ year: 2026, month: 10, day: 6, hour: 0, minute: 0 }, VIENNA),
      until: instantOf({ year: 2026, month: 10, day: 26, hour: 0, minute: 0 }, VIENNA),
    });
    const days = expandOccurrences(mondays, new Date("2030-01-01")).map((o) => wallTimeOf(o.startsAt, VIENNA).day);
    expect(days).toEqual([5, 12, 19]);
  });
  it("skips exception dates (still counted), honours until, interval and several weekdays", () => {
    const skipped = expandOccurrences(base({ count: 3, exceptionDates: ["2026-10-20"] }), new Date("2030-01-01"));
    expect(skipped.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual(["2026-10-13", "2026-10-27"]);
    const until = expandOccurrences(base({ until: new Date("2026-10-28T00:00:00Z"), interval: 2 }), new Date("2030-01-01"));
    expect(until.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual(["2026-10-13", "2026-10-27"]);
    const twice = expandOccurrences(base({ count: 4, weekdays: [2, 4] }), new Date("2030-01-01"));
    expect(twice.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual(["2026-10-13", "2026-10-15", "2026-10-20", "2026-10-22"]);
  });

  it("stops open-ended series at the horizon and repeats monthly on the same day, skipping short months", () => {
    const open = expandOccurrences(base({}), new Date("2026-11-30T00:00:00Z"));
    expect(open).toHaveLength(7);
    const monthly = expandOccurrences(
      base({ freq: "monthly", startsAt: new Date("2027-01-31T18:00:00Z"), endsAt: new Date("2027-01-31T19:00:00Z"), count: 3 }),
      new Date("2030-01-01"),
    );
    expect(monthly.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual(["2027-01-31", "2027-03-31", "2027-05-31"]);
  });

  it("returns the single occurrence of a non-recurring event", () => {
    expect(expandOccurrences(base({ freq: null }), new Date("2030-01-01"))).toHaveLength(1);
  });
});
