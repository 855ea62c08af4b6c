import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("csv", () => {
  it("reads quotes, embedded commas, line breaks and semicolon files", () => {
    expect(parseCsv('name,notes\r\n"Drill, big","say ""hi""\nline 2"\n\n')).toEqual([["name", "notes"], ["Drill, big", 'say "hi"\nline 2']]);
    expect(parseCsv("\uFEFFname;value\nSaw;12,50\n")).toEqual([["name", "value"], ["Saw", "12,50"]]);
  });

  it("writes what it reads and defuses formulas", () => {
    const rows = [["a,b", 'q"q', "=cmd()"]];
    expect(parseCsv(toCsv(rows))).toEqual([["a,b", 'q"q', "'=cmd()"]]);
  });
});
