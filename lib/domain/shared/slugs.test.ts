import { describe, expect, it } from "vitest";
import { firstFreeSlug, isSlug, namesakePattern, slugMadeFrom, slugOf } from "./slugs";

describe("slugs", () => {
  it.each([
    ["Zoë O'Brien-Müller", "zoe-o-brien-muller"],
    ["  Straße & Co. ", "strasse-co"],
    ["2024", "x-2024"],
    ["東京", "x"],
    ["---", "x"],
  ])("%s → %s", (text, slug) => expect(slugOf(text, "x")).toBe(slug));

  it("cuts long texts at 60 characters without a dash at the end", () => {
    const slug = slugOf(`${"a".repeat(59)} b`, "x");
    expect(slug).toBe("a".repeat(59));
    expect(isSlug(slug)).toBe(true);
  });

  it("takes the first free of base, base-2, base-3 …", () => {
    expect(firstFreeSlug("drill", new Set())).toBe("drill");
    expect(firstFreeSlug("drill", new Set(["drill", "drill-2"]))).toBe("drill-3");
    expect(firstFreeSlug("drill", new Set(["drill-2"]))).toBe("drill");
  });

  it("knows what was made from a base and escapes LIKE's wildcards", () => {
    expect(slugMadeFrom("drill-12", "drill")).toBe(true);
    expect(slugMadeFrom("drill-press", "drill")).toBe(false);
    expect(namesakePattern("a_b%c")).toBe("a\\_b\\%c-%");
  });
});
