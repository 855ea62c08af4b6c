import ExcelJS from "exceljs";
import type { PeopleListRow } from "./people-list";

const HEADER = ["memberNumber", "firstName", "lastName", "email", "status", "joinedOn"];
const values = (r: PeopleListRow) => [r.memberNumber ?? "", r.firstName ?? "", r.lastName ?? "", r.email ?? "", r.statusKey, r.joinedOn ? r.joinedOn.toISOString().slice(0, 10) : ""];

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet does not run member-typed text as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function peopleToCsv(rows: PeopleListRow[]): string {
  return [HEADER, ...rows.map(values)].map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export async function peopleToXlsx(rows: PeopleListRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("People");
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(values(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** For list servers: one address per line, no duplicates, people without an email left out. */
export function mailingList(rows: Pick<PeopleListRow, "email">[]): string {
  const emails = [...new Set(rows.map((r) => r.email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))];
  return emails.length ? `${emails.join("\n")}\n` : "";
}
