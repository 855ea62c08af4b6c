import ExcelJS from "exceljs";
import { toCsv } from "../shared/csv";
import type { UsageReportRow } from "./usage-report";

const HEADER = ["id", "machine", "person", "card", "startedAt", "endedAt", "minutes", "recordedAs"];
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

export function usageToCsv(rows: UsageReportRow[]): string {
  return toCsv([HEADER, ...rows.map(values)]);
}

export async function usageToXlsx(rows: UsageReportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Usage");
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(values(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}
