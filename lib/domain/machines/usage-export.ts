import ExcelJS from "exceljs";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders, type ColumnKey } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
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

/** Headers in the reader's language (`t`). */
export function usageToCsv(t: Translate, rows: UsageReportRow[]): string {
  return toCsv([columnHeaders(t, COLUMNS), ...rows.map(values)]);
}

export async function usageToXlsx(t: Translate, rows: UsageReportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Usage");
  sheet.addRow(columnHeaders(t, COLUMNS));
  for (const r of rows) sheet.addRow(values(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}
