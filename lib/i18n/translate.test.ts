import { afterEach, describe, expect, it } from "vitest";
import { catalogFor, localeFromAcceptLanguage, resolveLocale, translator } from "./translate";
import { applyMessageOverrides } from "./overrides";

describe("translator", () => {
  afterEach(() => applyMessageOverrides({}));

  it("fills placeholders and keeps unknown ones visible", () => {
    expect(translator("en")("home.greeting", { name: "Ada" })).toBe("Hello, Ada");
    expect(translator("de")("home.greeting", { name: "Ada" })).toBe("Hallo, Ada");
    expect(translator("en")("home.greeting")).toBe("Hello, {name}");
  });

  it("shows a plain number as given (a year is not 2,026) and groups it where the message counts", () => {
    expect(translator("en")("home.greeting", { name: 2026 })).toBe("Hello, 2026");
    expect(translator("en")("people.count", { count: 12345 })).toBe("12,345 people");
    expect(translator("de")("people.count", { count: 12345 })).toBe("12\u00a0345 Personen");
  });

  it.each([
    ["en", ["0 people", "1 person", "2 people", "12,345 people"]],
    ["de", ["0 Personen", "1 Person", "2 Personen", "12\u00a0345 Personen"]],
    ["nl", ["0 personen", "1 persoon", "2 personen", "12.345 personen"]],
    ["it", ["0 persone", "1 persona", "2 persone", "12.345 persone"]],
  ] as const)("plural forms for 0, 1, 2 and many in %s", (locale, expected) => {
    const t = translator(locale);
    expect([0, 1, 2, 12345].map((count) => t("people.count", { count }))).toEqual(expected);
  });

  it("ICU select and quoting work through the adapter", () => {
    expect(translator("en")("com.sensors.intro")).toContain('Bearer <token>, body {"open": true');
  });

  it("the space's own wording wins over the catalog, per language, and goes when reset", () => {
    applyMessageOverrides({ nl: { "people.count": "{count, plural, one {# lid} other {# leden}}" } });
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 leden");
    expect(translator("en")("people.count", { count: 3 })).toBe("3 people");
    applyMessageOverrides({});
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 personen");
  });

  it("keeps a language's merged catalog until the wording changes (the layout asks on every request)", () => {
    const first = catalogFor("de");
    expect(catalogFor("de")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    applyMessageOverrides({ de: { "nav.home": "Daheim" } });
    const changed = catalogFor("de");
    expect(changed).not.toBe(first);
    expect(changed["nav.home"]).toBe("Daheim");
    expect(first["nav.home"]).not.toBe("Daheim");
    expect(catalogFor("de")).toBe(changed);
    applyMessageOverrides({});
    expect(catalogFor("de")["nav.home"]).toBe(first["nav.home"]);
  });
});

describe("locale resolution", () => {
  it.each([
    ["de-AT,de;q=0.9,en;q=0.8", "de"],
    ["fr-FR,en;q=0.5", "en"],
    ["en;q=0.2,de;q=0.7", "de"],
    ["nl-BE,nl;q=0.9", "nl"],
    ["it-IT", "it"],
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

  it("counts only the languages the space offers", () => {
    const offered = ["en", "nl"] as const;
    expect(resolveLocale({ cookie: "de", preferred: "it", acceptLanguage: "it,nl;q=0.5", fallback: "en", offered })).toBe("nl");
    expect(resolveLocale({ acceptLanguage: "de", fallback: "nl", offered })).toBe("nl");
  });
});
