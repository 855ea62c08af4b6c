import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { escapeXml, xlsxStream, type XlsxValue } from "./xlsx-stream";

const read = async (stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await new Response(stream).arrayBuffer()) as ArrayBuffer);
  return book.worksheets[0]!;
};

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
});
