import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CUT_MARK, cellText, escapeXml, sheetName, XLSX_LIMITS, xlsxStream, type XlsxValue } from "./xlsx-stream";

const readBook = async (stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Workbook> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await new Response(stream).arrayBuffer()) as ArrayBuffer);
  return book;
};
const read = async (stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> => (await readBook(stream)).worksheets[0]!;
const rowsOf = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1));

async function* pagesOf(...pages: XlsxValue[][][]): AsyncGenerator<XlsxValue[][]> {
  for (const page of pages) yield page;
}

describe("xlsxStream", () => {
  it("writes a sheet a spreadsheet reads back: numbers stay numbers, text stays text, across pages", async () => {
    const sheet = await read(
      xlsxStream(
        "Usage",
        ["no.", "name", "minutes"],
        pagesOf(
          [[1, 'Ada <Lovelace> & "Co"', 1.5]],
          [],
          [
            [2, '=HYPERLINK("x")', null],
            [3, "", 0],
          ],
        ),
      ),
    );
    expect(sheet.name).toBe("Usage");
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, "no.", "name", "minutes"]);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 'Ada <Lovelace> & "Co"', 1.5]);
    // A member-typed formula is text, never run.
    expect(sheet.getCell("B3").value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("C4").value).toBe(0);
  });

  it("drops characters XML cannot carry instead of writing a file no spreadsheet opens", async () => {
    expect(escapeXml("a\u0000b\u0007c\tok\nline\uD800x😀")).toBe("abc\tok\nlinex😀");
    const sheet = await read(xlsxStream("S", ["x"], pagesOf([["bell\u0007 and \uDC00 lone"]])));
    expect(sheet.getCell("A2").value).toBe("bell and  lone");
  });

  it("names columns past Z the spreadsheet way", async () => {
    const wide = Array.from({ length: 30 }, (_, i) => i);
    const sheet = await read(xlsxStream("S", wide, pagesOf([wide])));
    expect(sheet.getCell("AD2").value).toBe(29);
  });

  it("aborts the download when a page fails", async () => {
    async function* failing(): AsyncGenerator<XlsxValue[][]> {
      yield [[1]];
      throw new Error("database gone");
    }
    await expect(new Response(xlsxStream("S", ["x"], failing())).arrayBuffer()).rejects.toThrow();
  });

  it("ends the download with an error when a later sheet's rows fail, and leaves no listener behind per sheet", async () => {
    // Each sheet once added an "error" listener to the zip that stayed: past ten sheets Node warns of a leak.
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      async function* rows(count: number, fail: boolean): AsyncGenerator<XlsxValue[][]> {
        for (let i = 1; i <= count; i++) yield [[i]];
        if (fail) throw new Error("database gone");
      }
      const limits = { ...XLSX_LIMITS, rowsPerSheet: 2 }; // one row a sheet
      expect((await readBook(xlsxStream("S", ["x"], rows(15, false), limits))).worksheets).toHaveLength(15);
      await expect(new Response(xlsxStream("S", ["x"], rows(12, true), limits)).arrayBuffer()).rejects.toThrow();
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("puts the content types first in the zip, for readers that stream it", async () => {
    const bytes = new Uint8Array(await new Response(xlsxStream("S", ["x"], pagesOf([[1]]))).arrayBuffer());
    // A zip's first local file header: its name's length at byte 26, the name from byte 30.
    const nameLength = bytes[26]! | (bytes[27]! << 8);
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))).toBe("[Content_Types].xml");
  });

  it("continues on a further sheet, header again, when a sheet is full: every row once, in order", async () => {
    const limits = { ...XLSX_LIMITS, rowsPerSheet: 3 }; // the header and two rows a sheet
    const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [from + i, `row ${from + i}`]);
    // Pages that end inside a sheet, exactly at its end, and an empty one between.
    const book = await readBook(xlsxStream("Usage", ["no.", "text"], pagesOf(rows(1, 3), rows(4, 4), [], rows(5, 7)), limits));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Usage", "Usage 2", "Usage 3", "Usage 4"]);
    expect(book.worksheets.map(rowsOf)).toEqual([
      [
        ["no.", "text"],
        [1, "row 1"],
        [2, "row 2"],
      ],
      [
        ["no.", "text"],
        [3, "row 3"],
        [4, "row 4"],
      ],
      [
        ["no.", "text"],
        [5, "row 5"],
        [6, "row 6"],
      ],
      [
        ["no.", "text"],
        [7, "row 7"],
      ],
    ]);
    // Exactly full: no empty sheet after it; no rows at all: one sheet with the header.
    expect((await readBook(xlsxStream("U", ["x"], pagesOf(rows(1, 4)), limits))).worksheets.map(rowsOf)).toEqual([
      [["x"], [1, "row 1"], [2, "row 2"]],
      [["x"], [3, "row 3"], [4, "row 4"]],
    ]);
    expect((await readBook(xlsxStream("U", ["x"], pagesOf(), limits))).worksheets.map(rowsOf)).toEqual([[["x"]]]);
  });

  it("keeps sheet names within what a spreadsheet accepts", () => {
    expect(sheetName("Usage", 1)).toBe("Usage");
    expect(sheetName("Usage", 12)).toBe("Usage 12");
    expect(sheetName("a/b:c?d*e[f]g\\h", 1)).toBe("a b c d e f g h");
    expect(sheetName("x".repeat(40), 1)).toHaveLength(31);
    expect(sheetName("x".repeat(40), 100)).toBe(`${"x".repeat(27)} 100`);
  });

  it("cuts a text longer than a cell holds, with a visible mark, never inside a character", async () => {
    expect(cellText("short", 10)).toBe("short");
    expect(cellText("0123456789", 10)).toBe("0123456789");
    expect(cellText("0123456789A", 10)).toBe(`012345${CUT_MARK}`);
    expect(cellText("01234😀6789", 10)).toBe(`01234${CUT_MARK}`); // the emoji's two halves stay together or go
    expect(cellText("x".repeat(XLSX_LIMITS.cellChars + 1))).toHaveLength(XLSX_LIMITS.cellChars);
    const sheet = await read(
      xlsxStream("S", ["header that is long"], pagesOf([["a text too long for the cell", 12345678901234]]), { ...XLSX_LIMITS, cellChars: 12 }),
    );
    expect(sheet.getCell("A1").value).toBe(`header t${CUT_MARK}`);
    expect(sheet.getCell("A2").value).toBe(`a text t${CUT_MARK}`);
    expect(sheet.getCell("B2").value).toBe(12345678901234); // numbers are not text
  });
});
