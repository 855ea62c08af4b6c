import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import { inventoryCategories, profiles, things } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders, type ColumnKey } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
import { listLocations } from "./locations";

const COLUMNS = [
  "number",
  "name",
  "description",
  "category",
  "location",
  "ownership",
  "lender_email",
  "lender_until",
  "value",
  "purchase_date",
  "notes",
] as const satisfies readonly ColumnKey[];

/**
 * Every thing as rows in the import's column order (plus number), so an export can be edited and re-imported; the
 * headers in the reader's language (`t`), which the import reads back in any language.
 */
export async function exportRows(db: Db, t: Translate): Promise<(string | number | null)[][]> {
  const all = await listLocations(db);
  const byId = new Map(all.map((l) => [l.id, l]));
  const pathOf = (id: number | null, depth = 0): string => {
    const l = id ? byId.get(id) : undefined;
    if (!l) return "";
    return l.parentId && depth < 50 ? `${pathOf(l.parentId, depth + 1)} / ${l.name}` : l.name;
  };
  const rows = await db
    .select({ thing: things, category: inventoryCategories.name, lenderEmail: profiles.email })
    .from(things)
    .leftJoin(inventoryCategories, eq(inventoryCategories.id, things.categoryId))
    .leftJoin(profiles, eq(profiles.personId, things.lenderPersonId))
    .orderBy(asc(things.number));
  return [
    columnHeaders(t, COLUMNS),
    ...rows.map(({ thing: t, category, lenderEmail }) => [
      t.number,
      t.name,
      t.description,
      category,
      pathOf(t.locationId),
      t.ownership,
      lenderEmail,
      t.lenderUntil,
      t.value,
      t.purchaseDate,
      t.notes,
    ]),
  ];
}

export async function exportCsv(db: Db, t: Translate): Promise<string> {
  return toCsv(await exportRows(db, t));
}

export async function exportXlsx(db: Db, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Inventory");
  const [header, ...rows] = await exportRows(db, t);
  sheet.addRow(header!).font = { bold: true };
  // Text cells that look like formulas stay text: ExcelJS writes strings as strings, never as formulas.
  for (const row of rows) sheet.addRow(row.map((v, i) => (COLUMNS[i] === "value" && v != null ? Number(v) : v)));
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
