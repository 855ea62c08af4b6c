import { describe, expect, it } from "vitest";
import { soakArgs } from "./soak-args";

describe("soakArgs (npm run bench:soak -- N phase…)", () => {
  it("runs every phase when none is named, the ones named otherwise", () => {
    expect(soakArgs([])).toEqual({ perPhase: 20_000, phases: new Set(["health", "login", "mixed"]) });
    expect(soakArgs(["500", "mixed", "login"])).toEqual({ perPhase: 500, phases: new Set(["mixed", "login"]) });
  });

  it("refuses a misspelled phase instead of running nothing and passing", () => {
    expect(() => soakArgs(["20000", "mixd"])).toThrow('No soak phase named "mixd": name health, login, mixed (or none for all).');
    expect(() => soakArgs(["lots"])).toThrow(/whole number/);
  });
});
