import { describe, expect, it } from "vitest";
import { instantOf } from "@/lib/time";
import { eventInputSchema } from "./event-input";

const VIENNA = "Europe/Vienna";
const day = (d: number) => instantOf({ year: 2026, month: 10, day: d, hour: 0, minute: 0 }, VIENNA);
const allDaySeries = (until: Date) => ({
  title: "Open lab",
  startsAt: day(26),
  endsAt: day(27),
  timeZone: VIENNA,
  allDay: true,
  recurrence: { freq: "weekly" as const, until },
});

describe("event input", () => {
  // The form stores "until the 25th" as the start of the 26th (exclusive): for an all-day event on the 26th that is
  // its start, a series with no occurrence at all. It is refused, not saved to vanish from the calendar.
  it("refuses a series ending before its first day, also when the exclusive until equals the start", () => {
    const refused = eventInputSchema.safeParse(allDaySeries(day(26)));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["recurrence.until"]);
    expect(eventInputSchema.safeParse(allDaySeries(day(27))).success).toBe(true);
  });
});
