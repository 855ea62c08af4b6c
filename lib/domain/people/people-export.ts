import ExcelJS from "exceljs";
import { toCsv } from "../shared/csv";
import type { PeopleListRow } from "./people-list";

const HEADER = ["memberNumber", "firstName", "lastName", "email", "status", "joinedOn"];
const values = (r: PeopleListRow) => [r.memberNumber ?? "", r.firstName ?? "", r.lastName ?? "", r.email ?? "", r.statusKey, r.joinedOn ? r.joinedOn.toISOString().slice(0, 10) : ""];


export function peopleToCsv(rows: PeopleListRow[]): string {
  return toCsv([HEADER, ...rows.map(values)]);
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
