import { describe, expect, it } from "vitest";
import { defaultSessionSlot } from "./default-slot";

describe("a new session's slot", () => {
  it("proposes next week's evening, in the space's date", () => {
    // 23:30 UTC on 1 June is already 2 June in Vienna.
    expect(defaultSessionSlot(new Date("2026-06-01T23:30:00Z"), "Europe/Vienna")).toEqual({ start: "2026-06-09T18:00", end: "2026-06-09T20:00" });
    // The week after 22 March 2026 crosses the spring change: still the local evening.
    expect(defaultSessionSlot(new Date("2026-03-22T10:00:00Z"), "Europe/Rome")).toEqual({ start: "2026-03-29T18:00", end: "2026-03-29T20:00" });
  });
});
