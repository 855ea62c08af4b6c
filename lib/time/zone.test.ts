import { describe, expect, it } from "vitest";
import { dayOf, isValidTimeZone, parseLocalDateTime, startOfDay, toLocalInput, today } from "./zone";

describe("zoned local times", () => {
  it.each([
    ["2026-06-20T18:00", "Europe/Vienna", "2026-06-20T16:00:00.000Z"],
    ["2026-01-10T09:30", "Europe/Vienna", "2026-01-10T08:30:00.000Z"],
    ["2026-03-29T03:30", "Europe/Vienna", "2026-03-29T01:30:00.000Z"],
    ["2026-10-25T12:00", "Europe/Vienna", "2026-10-25T11:00:00.000Z"],
    ["2026-06-20T18:00", "UTC", "2026-06-20T18:00:00.000Z"],
    ["2026-06-20T18:00", "America/New_York", "2026-06-20T22:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, iso) => {
    expect(parseLocalDateTime(local, zone)?.toISOString()).toBe(iso);
    expect(toLocalInput(new Date(iso), zone)).toBe(local);
  });

  it.each(["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-06-20 18:00", "2026-06-20T24:00", "2026-06-20T18:60", "tomorrow"])("refuses %j", (text) => {
    expect(parseLocalDateTime(text, "Europe/Vienna")).toBeNull();
  });

  it("gives an instant's local day and today in the zone", () => {
    // 23:30 UTC on 1 June is already 2 June in Vienna, still 1 June in New York.
    expect(dayOf(new Date("2026-06-01T23:30:00Z"), "Europe/Vienna")).toBe("2026-06-02");
    expect(dayOf(new Date("2026-06-01T23:30:00Z"), "America/New_York")).toBe("2026-06-01");
    expect(today("Pacific/Auckland", new Date("2026-06-01T13:00:00Z"))).toEqual({ year: 2026, month: 6, day: 2 });
    expect(startOfDay({ year: 2026, month: 10, day: 25 }, "Europe/Vienna").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("knows the IANA zones", () => {
    expect(isValidTimeZone("Europe/Vienna")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
