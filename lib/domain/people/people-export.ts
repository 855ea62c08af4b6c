import ExcelJS from "exceljs";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders, type ColumnKey } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
import { dayOf } from "@/lib/time";
import type { PeopleListRow } from "./people-list";

const COLUMNS: ColumnKey[] = ["memberNumber", "firstName", "lastName", "email", "status", "joinedOn"];
// The joining day as the space's calendar shows it.
const values = (r: PeopleListRow, timeZone: string) => [
  r.memberNumber ?? "",
  r.firstName ?? "",
  r.lastName ?? "",
  r.email ?? "",
  r.statusKey,
  r.joinedOn ? dayOf(r.joinedOn, timeZone) : "",
];

/** Headers in the reader's language (`t`); the people import reads them back in any language. */
export function peopleToCsv(t: Translate, rows: PeopleListRow[], timeZone: string): string {
  return toCsv([columnHeaders(t, COLUMNS), ...rows.map((r) => values(r, timeZone))]);
}

export async function peopleToXlsx(t: Translate, rows: PeopleListRow[], timeZone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("People");
  sheet.addRow(columnHeaders(t, COLUMNS));
  for (const r of rows) sheet.addRow(values(r, timeZone));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** For list servers: one address per line, no duplicates, people without an email left out. */
export function mailingList(rows: Pick<PeopleListRow, "email">[]): string {
  const emails = [...new Set(rows.map((r) => r.email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))];
  return emails.length ? `${emails.join("\n")}\n` : "";
}
