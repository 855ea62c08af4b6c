import { describe, expect, it } from "vitest";
import { defaultSessionSlot, parseZonedLocal, toZonedLocal } from "./zoned-time";

describe("zoned local times", () => {
  it.each([
    ["2026-06-20T18:00", "Europe/Vienna", "2026-06-20T16:00:00.000Z"],
    ["2026-01-10T09:30", "Europe/Vienna", "2026-01-10T08:30:00.000Z"],
    ["2026-03-29T03:30", "Europe/Vienna", "2026-03-29T01:30:00.000Z"],
    ["2026-10-25T12:00", "Europe/Vienna", "2026-10-25T11:00:00.000Z"],
    ["2026-06-20T18:00", "UTC", "2026-06-20T18:00:00.000Z"],
    ["2026-06-20T18:00", "America/New_York", "2026-06-20T22:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, iso) => {
    expect(parseZonedLocal(local, zone)?.toISOString()).toBe(iso);
    expect(toZonedLocal(new Date(iso), zone)).toBe(local);
  });

  it.each(["", "2026-02-30T10:00", "2026-06-20 18:00", "2026-06-20T24:00", "tomorrow"])("refuses %j", (text) => {
    expect(parseZonedLocal(text, "Europe/Vienna")).toBeNull();
  });

  it("proposes next week's evening as a new session's slot, in the space's date", () => {
    // 23:30 UTC on 1 June is already 2 June in Vienna.
    expect(defaultSessionSlot(new Date("2026-06-01T23:30:00Z"), "Europe/Vienna")).toEqual({ start: "2026-06-09T18:00", end: "2026-06-09T20:00" });
  });
});
