import { describe, expect, it } from "vitest";
import { CATALOGS } from "./catalogs";
import { LOCALES } from "./locales";
import { en } from "./messages/en";
import { argumentNames, messageArguments } from "./placeholders";
import { SAME_AS_ENGLISH } from "./same-as-english";

describe("message catalogs", () => {
  it("every message of every language is valid ICU", () => {
    const broken: string[] = [];
    for (const locale of LOCALES)
      for (const [key, text] of Object.entries(CATALOGS[locale])) {
        const parsed = messageArguments(text);
        if (!parsed.ok) broken.push(`${locale} ${key}: ${parsed.error}`);
      }
    expect(broken).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s uses the same variables as English in every message", (locale) => {
    const mismatched: string[] = [];
    for (const [key, text] of Object.entries(CATALOGS[locale])) {
      const source = en[key as keyof typeof en];
      if (source === undefined) {
        mismatched.push(`${key}: not an English key`);
        continue;
      }
      const mine = messageArguments(text);
      const theirs = messageArguments(source);
      if (mine.ok && theirs.ok && argumentNames(mine.args).join() !== argumentNames(theirs.args).join())
        mismatched.push(`${key}: ${argumentNames(mine.args).join()} ≠ ${argumentNames(theirs.args).join()}`);
    }
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has every key (npm run i18n:missing lists what is left)", (locale) => {
    const missing = Object.keys(en).filter((key) => !(key in CATALOGS[locale]));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s says nothing word for word as English unless listed as the same on purpose", (locale) => {
    const same = Object.entries(CATALOGS[locale])
      .filter(([key, text]) => en[key as keyof typeof en] === text && !SAME_AS_ENGLISH[locale]?.includes(key) && !SAME_AS_ENGLISH.all.includes(key))
      .map(([key]) => key);
    expect(same).toEqual([]);
  });
});
