import { Readable } from "node:stream";
import archiver from "archiver";

/**
 * A one-sheet XLSX written as it is read: the sheet's rows are pulled from `pages` only as fast as the zip
 * compresses them and the reader takes them, so a million-row export holds one page in memory. (ExcelJS's
 * "streaming" writer ignores backpressure: its zip input grows with the file, ~0.9 KB per row.)
 * Cells are numbers or inline strings — never formulas, so member-typed text cannot run in a spreadsheet.
 */
export type XlsxValue = string | number | null | undefined;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const BOOK_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const book = (sheetName: string) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function rowXml(rowNumber: number, values: readonly XlsxValue[]): string {
  const cells = values.map((value, i) => {
    const ref = `${columnName(i)}${rowNumber}`;
    if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}"/>`;
    if (value === null || value === undefined || value === "") return `<c r="${ref}"/>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  });
  return `<row r="${rowNumber}">${cells.join("")}</row>`;
}

export function xlsxStream(
  sheetName: string,
  header: readonly XlsxValue[],
  pages: AsyncIterable<readonly (readonly XlsxValue[])[]>,
): ReadableStream<Uint8Array> {
  async function* sheet(): AsyncGenerator<Buffer> {
    yield Buffer.from(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(1, header)}`);
    let rowNumber = 2;
    for await (const rows of pages) yield Buffer.from(rows.map((r) => rowXml(rowNumber++, r)).join(""));
    yield Buffer.from("</sheetData></worksheet>");
  }
  const zip = archiver("zip", { zlib: { level: 6 } });
  zip.append(CONTENT_TYPES, { name: "[Content_Types].xml" });
  zip.append(ROOT_RELS, { name: "_rels/.rels" });
  zip.append(book(sheetName), { name: "xl/workbook.xml" });
  zip.append(BOOK_RELS, { name: "xl/_rels/workbook.xml.rels" });
  zip.append(Readable.from(sheet()), { name: "xl/worksheets/sheet1.xml" });
  // A failed page errors the archive, which aborts the download (the reader never gets a half file as whole).
  zip.finalize().catch(() => undefined);
  return Readable.toWeb(zip) as ReadableStream<Uint8Array>;
}
