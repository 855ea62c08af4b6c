import { Readable } from "node:stream";
import archiver from "archiver";

/**
 * An XLSX written as it is read: the sheet's rows are pulled from `pages` only as fast as the zip compresses them and
 * the reader takes them, so a million-row export holds one page in memory. (ExcelJS's "streaming" writer ignores
 * backpressure: its zip input grows with the file, ~0.9 KB per row.)
 * Cells are numbers or inline strings — never formulas, so member-typed text cannot run in a spreadsheet.
 * A spreadsheet opens at most 1,048,576 rows a sheet and 32,767 characters a cell: rows beyond continue on a further
 * sheet ("Usage 2", with the header again), and a longer text is cut with a visible mark at its end.
 */
export type XlsxValue = string | number | null | undefined;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** What a spreadsheet opens (Excel's limits; LibreOffice's are the same). */
export const XLSX_LIMITS = { rowsPerSheet: 1_048_576, cellChars: 32_767 };
export type XlsxLimits = typeof XLSX_LIMITS;

/** Ends a cut cell, so a reader sees the text is not whole. */
export const CUT_MARK = " […]";

const sheetPart = (n: number) => `worksheets/sheet${n}.xml`;
const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
/**
 * The content types, written first (some streaming readers need them before the parts) while the number of sheets is
 * not yet known: every sheet is typed by the `.xml` default, the workbook (the one other `.xml` part) by its override.
 */
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const bookRels = (sheets: number) =>
  `${XML}<Relationships xmlns="${RELS}">${range(sheets)
    .map((n) => `<Relationship Id="rId${n}" Type="${OFFICE}/worksheet" Target="${sheetPart(n)}"/>`)
    .join("")}</Relationships>`;
const book = (names: string[]) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets>${names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;

/** A sheet's name: at most 31 characters, none of : \ / ? * [ ]; the nth sheet gets " n" (kept inside the 31). */
export function sheetName(name: string, n: number): string {
  const suffix = n > 1 ? ` ${n}` : "";
  const base = name.replace(/[:\\/?*[\]]/g, " ").trim() || "Sheet";
  return `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
}

/** A text a cell can hold: longer ones cut (never inside a surrogate pair) and marked. */
export function cellText(text: string, max = XLSX_LIMITS.cellChars): string {
  if (text.length <= max) return text;
  let end = max - CUT_MARK.length;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return `${text.slice(0, Math.max(0, end))}${CUT_MARK}`;
}

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

function rowXml(rowNumber: number, values: readonly XlsxValue[], cellChars: number): string {
  const cells = values.map((value, i) => {
    const ref = `${columnName(i)}${rowNumber}`;
    if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}"/>`;
    if (value === null || value === undefined || value === "") return `<c r="${ref}"/>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cellText(value, cellChars))}</t></is></c>`;
  });
  return `<row r="${rowNumber}">${cells.join("")}</row>`;
}

export function xlsxStream(
  name: string,
  header: readonly XlsxValue[],
  pages: AsyncIterable<readonly (readonly XlsxValue[])[]>,
  limits: XlsxLimits = XLSX_LIMITS,
): ReadableStream<Uint8Array> {
  if (limits.rowsPerSheet < 2) throw new Error("xlsxStream: a sheet must hold the header and a row");
  const rowsPerSheet = limits.rowsPerSheet - 1; // below the header
  const source = pages[Symbol.asyncIterator]();
  let pending: (readonly XlsxValue[])[] = []; // rows read from a page and not yet written
  let done = false;
  /** Are there rows left to write? Reads the next non-empty page when none are pending. */
  async function more(): Promise<boolean> {
    while (!pending.length && !done) {
      const next = await source.next();
      if (next.done) done = true;
      else pending = [...next.value];
    }
    return pending.length > 0;
  }
  /** One sheet: the header, then rows until the sheet is full or the pages end. */
  async function* sheet(): AsyncGenerator<Buffer> {
    yield Buffer.from(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(1, header, limits.cellChars)}`);
    let written = 0;
    while (written < rowsPerSheet && (await more())) {
      const rows = pending.splice(0, rowsPerSheet - written);
      yield Buffer.from(rows.map((r, i) => rowXml(written + i + 2, r, limits.cellChars)).join(""));
      written += rows.length;
    }
    yield Buffer.from("</sheetData></worksheet>");
  }

  const zip = archiver("zip", { zlib: { level: 6 } });
  const names: string[] = [];
  async function write(): Promise<void> {
    // The parts that do not depend on the sheets first; each sheet is appended once the one before it is written,
    // when it is known that rows are left for it; the workbook's parts that list the sheets go last.
    zip.append(CONTENT_TYPES, { name: "[Content_Types].xml" });
    zip.append(ROOT_RELS, { name: "_rels/.rels" });
    do {
      names.push(sheetName(name, names.length + 1));
      await appended(zip, `xl/${sheetPart(names.length)}`, Readable.from(sheet()));
    } while (await more());
    zip.append(book(names), { name: "xl/workbook.xml" });
    zip.append(bookRels(names.length), { name: "xl/_rels/workbook.xml.rels" });
    await zip.finalize();
  }
  // A failed page errors the archive, which aborts the download (the reader never gets a half file as whole).
  write().catch((error: unknown) => zip.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(zip) as ReadableStream<Uint8Array>;
}

/**
 * Appends a part read from `source` and settles once the zip has taken all of it, or as soon as the source or the
 * zip fails (the source's own error is heard directly: the download ends with it even if the zip never repeats it).
 * Its listeners go either way, so a workbook of many sheets does not pile them up on the zip.
 */
function appended(zip: archiver.Archiver, part: string, source: Readable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onEntry = (entry: { name: string }) => {
      if (entry.name === part) settle();
    };
    const onError = (error: Error) => settle(error);
    function settle(error?: Error) {
      zip.off("entry", onEntry);
      zip.off("error", onError);
      source.off("error", onError);
      if (error) reject(error);
      else resolve();
    }
    zip.on("entry", onEntry);
    zip.on("error", onError);
    source.on("error", onError);
    zip.append(source, { name: part });
  });
}
