import { describe, expect, it } from "vitest";
import { difference, unansweredNote } from "./fault-soak-records";

describe("the soak's accounting", () => {
  it("counts missing and extra records as multisets", () => {
    expect(difference(["1:a:5", "1:a:5", "2:a:3"], ["1:a:5", "2:a:3", "2:a:3"])).toEqual({ missing: 1, extra: 1 });
  });

  it("names the unanswered requests by action, most first, and nothing when all were answered", () => {
    expect(unansweredNote({ startuse: 40, stopuse: 41, checkuser: 2 })).toBe("no reply: stopuse 41, startuse 40, checkuser 2");
    expect(unansweredNote({})).toBe("");
  });
});
