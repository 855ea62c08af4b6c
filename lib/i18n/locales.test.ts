import { describe, expect, it } from "vitest";
import { chosenLocale, offeredLocales } from "./locales";

describe("the languages a space offers", () => {
  it("are the saved ones in the app's order, all of them when none is known", () => {
    expect(offeredLocales(["it", "nl"])).toEqual(["nl", "it"]);
    expect(offeredLocales(["xx"])).toEqual(["en", "de", "nl", "it"]);
    expect(offeredLocales([])).toEqual(["en", "de", "nl", "it"]);
  });

  it("keep a person's saved language chosen only while it is offered, else the space's default", () => {
    expect(chosenLocale(["en", "nl"], "nl", "en")).toBe("nl");
    expect(chosenLocale(["en", "nl"], "de", "en")).toBe("en");
    expect(chosenLocale(["de", "it"], undefined, "it")).toBe("it");
    expect(chosenLocale(["de", "it"], "nl", "en")).toBe("de");
  });
});
