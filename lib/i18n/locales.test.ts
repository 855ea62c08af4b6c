import { describe, expect, it } from "vitest";
import { chosenLocale, localeFromLanguages, offeredLocales, spaceLocales } from "./locales";

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

describe("the reader's language from the browser's list", () => {
  it("is the first tag whose language we have, by its primary subtag", () => {
    expect(localeFromLanguages(["de-AT", "en-GB"])).toBe("de");
    expect(localeFromLanguages(["fr-FR", "fr", "NL-be", "it"])).toBe("nl");
    expect(localeFromLanguages(["it"], ["en", "de"])).toBeNull();
    expect(localeFromLanguages(["fr-FR", "es"])).toBeNull();
    expect(localeFromLanguages([])).toBeNull();
  });
});

describe("spaceLocales", () => {
  it("falls back to the space's default while offered, else to the first language it offers", () => {
    expect(spaceLocales({ languages: ["de", "nl"], defaultLanguage: "nl" })).toEqual({ offered: ["de", "nl"], fallback: "nl" });
    expect(spaceLocales({ languages: ["it", "de"], defaultLanguage: "en" })).toEqual({ offered: ["de", "it"], fallback: "de" });
  });
});
