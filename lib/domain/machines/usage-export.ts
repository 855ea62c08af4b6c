import { Readable } from "node:stream";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders, type ColumnKey } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
import { xlsxStream } from "../shared/xlsx-stream";
import type { UsageReportRow } from "./usage-report";

const COLUMNS: ColumnKey[] = ["id", "machine", "person", "card", "startedAt", "endedAt", "minutes", "recordedAs"];
const values = (r: UsageReportRow): (string | number)[] => [
  r.id,
  r.machineName,
  r.personName,
  r.cardUid,
  r.startedAt.toISOString(),
  r.endedAt?.toISOString() ?? "",
  r.durationSeconds === null ? "" : Math.round(r.durationSeconds / 6) / 10,
  r.recordedAs,
];

/*
 * Exports are streamed page by page (`usagePages`): a usage list can hold a million sessions, and the web process
 * runs with a 512 MB heap, so neither the rows nor the file may be held whole.
 */

/** CSV with a byte-order mark (spreadsheets then read UTF-8); headers in the reader's language (`t`). */
export function usageCsvStream(t: Translate, pages: AsyncIterable<UsageReportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`\uFEFF${toCsv([columnHeaders(t, COLUMNS)])}`);
    for await (const rows of pages) yield encoder.encode(toCsv(rows.map(values)));
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

/** XLSX, one sheet "Usage"; headers in the reader's language (`t`). */
export function usageXlsxStream(t: Translate, pages: AsyncIterable<UsageReportRow[]>): ReadableStream<Uint8Array> {
  async function* rows(): AsyncGenerator<(string | number)[][]> {
    for await (const page of pages) yield page.map(values);
  }
  return xlsxStream("Usage", columnHeaders(t, COLUMNS), rows());
}
