import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("csv", () => {
  it("reads quotes, embedded commas, line breaks and semicolon files", () => {
    expect(parseCsv('name,notes\r\n"Drill, big","say ""hi""\nline 2"\n\n')).toEqual([
      ["name", "notes"],
      ["Drill, big", 'say "hi"\nline 2'],
    ]);
    expect(parseCsv("\uFEFFname;value\nSaw;12,50\n")).toEqual([
      ["name", "value"],
      ["Saw", "12,50"],
    ]);
  });

  it("writes what it reads and defuses formulas", () => {
    const rows = [["a,b", 'q"q', "=cmd()"]];
    expect(parseCsv(toCsv(rows))).toEqual([["a,b", 'q"q', "'=cmd()"]]);
  });

  it("CSV injection: every formula start is neutralised, whatever the quoting", () => {
    for (const attack of ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=1;2"]) {
      const cell = csvCell(attack);
      const [[read]] = parseCsv(`${cell}\r\n`) as [[string]];
      expect(read, attack).toBe(`'${attack}`);
    }
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(null)).toBe("");
  });

  it("quotes ; as well as , so a de-AT spreadsheet does not split a cell", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(parseCsv(toCsv([["x;y", "z"]]).replace(/,/g, ";"))).toEqual([["x;y", "z"]]);
  });

  it("is the only CSV writer and reader in the code", () => {
    const root = path.resolve(import.meta.dirname, "..", "..", "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && full !== path.join(root, "lib", "domain", "shared", "csv.ts")) {
          const text = fs.readFileSync(full, "utf8");
          // A CSV writer doubles quotes and ends lines with CRLF (SQL identifier quoting does the first only).
          const writer = /replace\(\/"\/g, '""'\)/.test(text) && text.includes("\\r\\n");
          if (writer || /function (parseCsv|toCsv|csvCell)\b/.test(text)) offenders.push(path.relative(root, full));
        }
      }
    };
    for (const dir of ["app", "lib", "components", "device-broker", "scripts"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
