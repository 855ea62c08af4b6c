import { describe, expect, it } from "vitest";
import { duePeriod } from "./periods";
import { isoWeek } from "./plain-date";

const VIENNA = "Europe/Vienna";

describe("scheduled job periods", () => {
  it("numbers ISO weeks across year ends", () => {
    expect(isoWeek({ year: 2026, month: 11, day: 27 })).toBe("2026-W48");
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe("2026-W53");
    expect(isoWeek({ year: 2025, month: 12, day: 29 })).toBe("2026-W01");
  });

  it("keys daily jobs by the local day and waits for the local hour", () => {
    // 04:30 UTC is 05:30 in Vienna (winter): not yet; 05:10 UTC is 06:10: due.
    expect(duePeriod({ cadence: "daily" }, new Date("2026-11-27T04:30:00Z"), VIENNA)).toBeNull();
    expect(duePeriod({ cadence: "daily" }, new Date("2026-11-27T05:10:00Z"), VIENNA)).toBe("2026-11-27");
    // 23:30 UTC is already the next local day.
    expect(duePeriod({ cadence: "daily", atHour: 0 }, new Date("2026-11-27T23:30:00Z"), VIENNA)).toBe("2026-11-28");
    expect(duePeriod({ cadence: "daily", atHour: 0 }, new Date("2026-11-27T23:30:00Z"), "America/New_York")).toBe("2026-11-27");
  });

  it("keys weekly jobs by ISO week from Monday's hour on, and hourly jobs by local hour", () => {
    // Monday 30 Nov 2026, 05:00 local: not yet; Tuesday 01:00 local: still due (missed Monday).
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-11-30T04:00:00Z"), VIENNA)).toBeNull();
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-11-30T05:00:00Z"), VIENNA)).toBe("2026-W49");
    expect(duePeriod({ cadence: "weekly" }, new Date("2026-12-01T00:00:00Z"), VIENNA)).toBe("2026-W49");
    expect(duePeriod({ cadence: "hourly" }, new Date("2026-11-27T05:59:00Z"), VIENNA)).toBe("2026-11-27T06");
  });
});
