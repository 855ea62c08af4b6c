import { describe, expect, it } from "vitest";
import { wallClockMs } from "./wall-clock";
import { wallTimeOf } from "./zone";

const temporal = (instant: Date, zone: string) => {
  const w = wallTimeOf(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
};

/** The instants where the two disagree, as "zone instant". */
function mismatches(cases: Iterable<[number, string]>): string[] {
  const found: string[] = [];
  for (const [t, zone] of cases) if (wallClockMs(new Date(t), zone) !== temporal(new Date(t), zone)) found.push(`${zone} ${new Date(t).toISOString()}`);
  return found;
}

const ZONES = ["Europe/Vienna", "Europe/Amsterdam", "Europe/Rome", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "UTC"];

describe("wallClockMs", () => {
  it("reads the instants around every clock change of 2011 and 2026 as Temporal does (Apia skipped a day in 2011)", () => {
    function* cases(): Generator<[number, string]> {
      for (const zone of ZONES) {
        for (const year of [2011, 2026]) {
          let previous: number | null = null;
          for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 6 * 3_600_000) {
            const offset = temporal(new Date(t), zone) - t;
            yield [t, zone];
            // Every 7 minutes through the six hours before a change.
            if (previous !== null && offset !== previous) for (let s = t - 6 * 3_600_000; s <= t; s += 7 * 60_000) yield [s, zone];
            previous = offset;
          }
        }
      }
      for (const [t, zone] of [
        [Date.UTC(2026, 9, 25, 0, 59, 59), "Europe/Vienna"],
        [Date.UTC(2026, 9, 25, 1, 0, 0), "Europe/Vienna"],
        [Date.UTC(2026, 2, 29, 0, 59, 59), "Europe/Rome"],
        [Date.UTC(2026, 2, 29, 1, 0, 0), "Europe/Amsterdam"],
      ] as const)
        yield [t, zone];
    }
    expect(mismatches(cases())).toEqual([]);
  });

  it("drops the milliseconds as Temporal does, before 1970 too", () => {
    const instants = [Date.UTC(2026, 9, 25, 0, 59, 59, 999), Date.UTC(1969, 11, 31, 23, 59, 59, 500), Date.UTC(1900, 0, 1, 12, 0, 0, 1), -1];
    expect(mismatches(instants.flatMap((t) => ZONES.map((z): [number, string] => [t, z])))).toEqual([]);
  });

  it("agrees with Temporal on random instants from 1950 to 2060 in every zone Intl knows", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const zones = Intl.supportedValuesOf("timeZone");
    const cases = Array.from({ length: 3000 }, (): [number, string] => [
      Date.UTC(1950, 0, 1) + Math.floor(random() * 110 * 365.25 * 86_400_000),
      zones[Math.floor(random() * zones.length)]!,
    ]);
    expect(mismatches(cases)).toEqual([]);
  });
});
