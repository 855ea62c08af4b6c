import { describe, expect, it } from "vitest";
import { noBrowserHere } from "./chromium";

describe("browser tests without a browser", () => {
  it("skip outside CI, saying how to install one", () => {
    const why = noBrowserHere({}, () => false);
    expect(why).toContain("apt-get install chromium");
    expect(why).toContain("npx playwright install chromium");
  });
  it("run in CI, where a missing browser fails them", () => {
    expect(noBrowserHere({ CI: "true" }, () => false)).toBeUndefined();
  });
  it("run where one is installed", () => {
    expect(noBrowserHere({}, () => true)).toBeUndefined();
  });
});
