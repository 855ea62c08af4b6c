import { describe, expect, it } from "vitest";
import {
  duePeriod,
  expandOccurrences,
  formatDateTime,
  formatRange,
  formatTime,
  instantOf,
  parseLocalDateTime,
  toLocalInput,
  wallTimeOf,
  type RecurrenceInput,
} from "./index";

// The EU changes its clocks at 01:00 UTC in every zone: 2026-03-29 (02:00 → 03:00) and 2026-10-25 (03:00 → 02:00).
const ZONES = ["Europe/Vienna", "Europe/Amsterdam", "Europe/Rome"] as const;

// Wall time typed in the zone → the instant stored; the gap moves forward, the overlap takes the earlier instant.
const CONVERSION: [wall: string, instant: string, shownAgain: string][] = [
  ["2026-03-29T01:30", "2026-03-29T00:30:00.000Z", "2026-03-29T01:30"],
  ["2026-03-29T02:00", "2026-03-29T01:00:00.000Z", "2026-03-29T03:00"], // gap: does not exist
  ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30"], // gap: does not exist
  ["2026-03-29T03:30", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30"],
  ["2026-10-25T01:30", "2026-10-24T23:30:00.000Z", "2026-10-25T01:30"],
  ["2026-10-25T02:00", "2026-10-25T00:00:00.000Z", "2026-10-25T02:00"], // overlap: earlier (summer time)
  ["2026-10-25T02:30", "2026-10-25T00:30:00.000Z", "2026-10-25T02:30"], // overlap: earlier (summer time)
  ["2026-10-25T03:30", "2026-10-25T02:30:00.000Z", "2026-10-25T03:30"],
];

describe.each(ZONES)("DST in %s", (zone) => {
  it.each(CONVERSION)("wall %s is %s (shown as %s)", (wall, instant, shown) => {
    const at = parseLocalDateTime(wall, zone)!;
    expect(at.toISOString()).toBe(instant);
    expect(toLocalInput(at, zone)).toBe(shown);
  });

  it("reads both passes of the repeated hour as 02:30, the gap's instant as 03:30", () => {
    expect(wallTimeOf(new Date("2026-10-25T00:30:00Z"), zone)).toMatchObject({ hour: 2, minute: 30 });
    expect(wallTimeOf(new Date("2026-10-25T01:30:00Z"), zone)).toMatchObject({ hour: 2, minute: 30 });
    expect(wallTimeOf(new Date("2026-03-29T01:30:00Z"), zone)).toMatchObject({ hour: 3, minute: 30 });
  });

  it("keeps a weekly event's wall time across both changes (10:00 and 02:30)", () => {
    const weekly = (startsAt: string, minutes: number): RecurrenceInput => ({
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + minutes * 60_000),
      timeZone: zone,
      allDay: false,
      freq: "weekly",
      interval: 1,
      until: null,
      count: 3,
      weekdays: [],
      exceptionDates: [],
    });
    const starts = (i: RecurrenceInput) => expandOccurrences(i, new Date("2027-01-01")).map((o) => o.startsAt.toISOString());
    expect(starts(weekly("2026-03-22T09:00:00Z", 60))).toEqual(["2026-03-22T09:00:00.000Z", "2026-03-29T08:00:00.000Z", "2026-04-05T08:00:00.000Z"]);
    expect(starts(weekly("2026-10-18T08:00:00Z", 60))).toEqual(["2026-10-18T08:00:00.000Z", "2026-10-25T09:00:00.000Z", "2026-11-01T09:00:00.000Z"]);
    // 02:30 does not exist on 29 March (03:30 that day) and happens twice on 25 October (the earlier one).
    expect(starts(weekly("2026-03-22T01:30:00Z", 30))).toEqual(["2026-03-22T01:30:00.000Z", "2026-03-29T01:30:00.000Z", "2026-04-05T00:30:00.000Z"]);
    expect(starts(weekly("2026-10-18T00:30:00Z", 30))).toEqual(["2026-10-18T00:30:00.000Z", "2026-10-25T00:30:00.000Z", "2026-11-01T01:30:00.000Z"]);
    const tens = expandOccurrences(weekly("2026-10-18T08:00:00Z", 60), new Date("2027-01-01"));
    for (const o of tens) expect(wallTimeOf(o.startsAt, zone)).toMatchObject({ hour: 10, minute: 0 });
    expect(tens[1]!.endsAt.toISOString()).toBe("2026-10-25T10:00:00.000Z");
  });

  // A check at this instant → the scheduler's period key (hourly, daily at 06:00, weekly from Monday 06:00).
  const PERIODS: [at: string, hourly: string, daily: string | null][] = [
    ["2026-03-29T00:30:00Z", "2026-03-29T01", null],
    ["2026-03-29T01:30:00Z", "2026-03-29T03", null], // 02:xx never happens
    ["2026-03-29T03:59:00Z", "2026-03-29T05", null],
    ["2026-03-29T04:00:00Z", "2026-03-29T06", "2026-03-29"], // 06:00 summer time
    ["2026-10-25T00:30:00Z", "2026-10-25T02+02:00", null], // 02:xx, first pass
    ["2026-10-25T01:30:00Z", "2026-10-25T02+01:00", null], // 02:xx again: its own hour
    ["2026-10-25T02:30:00Z", "2026-10-25T03", null],
    ["2026-10-25T04:59:00Z", "2026-10-25T05", null],
    ["2026-10-25T05:00:00Z", "2026-10-25T06", "2026-10-25"], // 06:00 winter time
  ];
  it.each(PERIODS)("a check at %s is in hour %s and day %s", (at, hourly, daily) => {
    expect(duePeriod({ cadence: "hourly" }, new Date(at), zone)).toBe(hourly);
    expect(duePeriod({ cadence: "daily" }, new Date(at), zone)).toBe(daily);
  });

  it("starts the weekly period on Monday 06:00 local after each change", () => {
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-03-30T03:59:00Z"), zone)).toBeNull();
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-03-30T04:00:00Z"), zone)).toBe("2026-W14");
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-10-26T04:59:00Z"), zone)).toBeNull();
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-10-26T05:00:00Z"), zone)).toBe("2026-W44");
  });

  it("formats the instants around both changes in local time", () => {
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"), "en", zone)).toBe("29 Mar 2026, 01:59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"), "en", zone)).toBe("29 Mar 2026, 03:00");
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"), "de", zone)).toBe("25.10.2026, 02:30");
    expect(formatTime(new Date("2026-10-25T01:30:00Z"), "de", zone)).toBe("02:30");
    expect(formatRange(new Date("2026-03-29T00:00:00Z"), new Date("2026-03-29T02:00:00Z"), "en", zone)).toBe("29 Mar 2026, 01:00–04:00");
    expect(formatRange(new Date("2026-10-25T00:00:00Z"), new Date("2026-10-25T02:00:00Z"), "en", zone)).toBe("25 Oct 2026, 02:00–03:00");
  });
});

describe("the rule for times that do not exist or happen twice", () => {
  it("matches the wall-time conversion used by every caller", () => {
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Vienna").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Vienna").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});
