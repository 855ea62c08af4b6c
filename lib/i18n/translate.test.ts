import { describe, expect, it } from "vitest";
import { de } from "./messages/de";
import { en } from "./messages/en";
import { localeFromAcceptLanguage, resolveLocale, translator } from "./translate";

describe("translator", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(translator("en")("home.greeting", { name: "Ada" })).toBe("Hello, Ada");
    expect(translator("de")("home.greeting", { name: "Ada" })).toBe("Hallo, Ada");
    expect(translator("en")("home.greeting")).toBe("Hello, {name}");
  });

  it("has a complete German catalog with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key], key).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("locale resolution", () => {
  it.each([
    ["de-AT,de;q=0.9,en;q=0.8", "de"],
    ["fr-FR,en;q=0.5", "en"],
    ["en;q=0.2,de;q=0.7", "de"],
    ["fr", null],
    ["de;q=0", null],
    ["", null],
  ])("Accept-Language %s gives %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("prefers cookie, then the person's language, then the browser, then the default", () => {
    expect(resolveLocale({ cookie: "de", preferred: "en", acceptLanguage: "en", fallback: "en" })).toBe("de");
    expect(resolveLocale({ cookie: "xx", preferred: "de", acceptLanguage: "en", fallback: "en" })).toBe("de");
    expect(resolveLocale({ cookie: null, preferred: null, acceptLanguage: "de", fallback: "en" })).toBe("de");
    expect(resolveLocale({ fallback: "de" })).toBe("de");
  });
});
