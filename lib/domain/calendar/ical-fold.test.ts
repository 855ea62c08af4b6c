import { foldLines as libraryFold } from "ical-generator";
import { describe, expect, it } from "vitest";
import { foldLines } from "./ical-fold";

/** Pseudo-random but repeatable: the same texts every run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const PIECES = [
  "a",
  "Z",
  " ",
  ";",
  "\\n",
  "ä",
  "Ö",
  "ß",
  "é",
  "€",
  "中",
  "😀",
  "👩‍🔧",
  "🇦🇹",
  "\r\n",
  "\n",
  "\r",
  "\ud83d",
  "\ude00",
  "\u00a0",
  "\t",
  "x".repeat(80),
];

describe("foldLines", () => {
  it("folds exactly as ical-generator does: umlauts, emoji, long lines, line breaks, broken surrogates", () => {
    const next = random(20);
    for (let n = 0; n < 1_000; n++) {
      const length = Math.floor(next() * 400);
      let text = "";
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(foldLines(text)).toBe(libraryFold(text));
    }
  });

  it("matches at every line length around the 74-byte limit, for 1- to 4-byte characters", () => {
    for (const ch of ["a", "ü", "€", "😀"]) {
      for (let prefix = 0; prefix < 4; prefix++) {
        for (let n = 60; n < 160; n++) {
          const text = `DESCRIPTION:${"a".repeat(prefix)}${ch.repeat(n)}\r\nEND:VEVENT`;
          expect(foldLines(text)).toBe(libraryFold(text));
        }
      }
    }
  });

  it("leaves short lines and empty text alone", () => {
    expect(foldLines("")).toBe("");
    expect(foldLines("BEGIN:VCALENDAR\r\nEND:VCALENDAR")).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR");
  });
});
