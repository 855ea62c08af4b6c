import { describe, expect, it } from "vitest";
import { decideUsagePlausibility, MAX_SESSION_SECONDS } from "./decide-usage-plausibility";

const now = new Date("2026-03-02T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("decideUsagePlausibility", () => {
  it.each([
    ["a stop as long as the session", { durationSeconds: 3600, receivedAt: now, startedAt: ago(3600), now }, { plausible: true }],
    ["within the tolerance", { durationSeconds: 3700, receivedAt: now, startedAt: ago(3600), now }, { plausible: true }],
    ["no known start, under the bound", { durationSeconds: 7200, receivedAt: now, startedAt: null, now }, { plausible: true }],
    [
      "the forged 10-hour stop of a session begun a minute ago",
      { durationSeconds: 36_000, receivedAt: now, startedAt: ago(60), now },
      { plausible: false, reason: "longer_than_since_start" },
    ],
    ["longer than any session", { durationSeconds: MAX_SESSION_SECONDS + 1, receivedAt: now, startedAt: null, now }, { plausible: false, reason: "too_long" }],
    ["2^31 seconds", { durationSeconds: 2 ** 31, receivedAt: now, startedAt: null, now }, { plausible: false, reason: "too_long" }],
    ["negative", { durationSeconds: -5, receivedAt: now, startedAt: ago(60), now }, { plausible: false, reason: "negative" }],
    ["not a number", { durationSeconds: Number.NaN, receivedAt: now, startedAt: ago(60), now }, { plausible: false, reason: "negative" }],
    [
      "received in the future",
      { durationSeconds: 60, receivedAt: new Date(now.getTime() + 3600_000), startedAt: ago(60), now },
      { plausible: false, reason: "in_the_future" },
    ],
  ])("%s", (_name, facts, expected) => {
    expect(decideUsagePlausibility(facts)).toEqual(expected);
  });
});
