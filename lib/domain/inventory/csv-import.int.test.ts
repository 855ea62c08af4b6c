import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { auditLog, inventoryCategories, things } from "@/lib/db/schema";
import { confirmImport, previewImport } from "./csv-import";
import { exportCsv, exportXlsx } from "./export";
import { createLocation } from "./locations";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  const room = await createLocation(t.db, ids.admin!, { name: "Workshop", kind: "room" });
  if (!room.ok) throw new Error(room.message);
  await createLocation(t.db, ids.admin!, { name: "Shelf A", kind: "shelf", parentId: room.id });
});
afterAll(() => t?.close());

const GOOD = [
  "name,description,category,location,ownership,lender_email,lender_until,value,purchase_date,notes",
  'Drill,"Bosch, 18 V",Tools,Workshop / Shelf A,,,,"129,90",2024-03-01,',
  "Sewing machine,,Textile,Workshop,,maria@makerspace.local,2027-01-31,,,until Maria moves",
].join("\n");

const BROKEN = [
  "name,category,location,value,purchase_date,lender_email",
  "Hammer,Tools,Workshop,,,",
  ",Tools,Workshop,,,",
  "Saw,Tools,Basement / Box 9,abc,2024-13-45,nobody@example.org",
].join("\n");

describe("CSV import", () => {
  it("previews broken rows with an error per row and writes nothing, even when confirmed", async () => {
    const preview = await previewImport(t.db, BROKEN);
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((r) => [r.line, r.errors.length > 0])).toEqual([
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect(preview.rows[1]!.errors.join()).toMatch(/name/);
    const saw = preview.rows[2]!.errors.join("\n");
    expect(saw).toMatch(/Basement \/ Box 9" does not exist/);
    expect(saw).toMatch(/nobody@example.org/);
    expect(saw).toMatch(/value/);
    expect(saw).toMatch(/purchase_date: not a real date/);

    const result = await confirmImport(t.db, ids.admin!, BROKEN);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(await t.db.select().from(things)).toEqual([]);
    expect(await t.db.select().from(inventoryCategories)).toEqual([]);
  });

  it("refuses a file without a usable header", async () => {
    expect((await previewImport(t.db, "foo,bar\n1,2\n")).fileErrors.join()).toMatch(/"name"/);
    expect((await previewImport(t.db, "")).valid).toBe(false);
  });

  it("imports every row of a good file in one go, with categories, locations and lenders", async () => {
    expect((await previewImport(t.db, GOOD)).valid).toBe(true);
    const result = await confirmImport(t.db, ids.admin!, GOOD);
    expect(result).toMatchObject({ ok: true, created: [expect.any(Number), expect.any(Number)] });
    const rows = await t.db.select().from(things);
    expect(rows.map((r) => [r.name, r.value, r.ownership, r.lenderPersonId]).sort()).toEqual([
      ["Drill", "129.90", "owned", null],
      ["Sewing machine", null, "on_loan_from_member", ids.maria],
    ]);
    expect((await t.db.select().from(auditLog)).filter((a) => a.changeType === "thing.create")).toHaveLength(2);
  });

  it("refuses members", async () => {
    expect(await confirmImport(t.db, ids.member!, GOOD)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("exports CSV with headers in the reader's language that imports again (in any session), and XLSX", async () => {
    const csv = await exportCsv(t.db, translator("it"));
    expect(csv.split("\r\n")[0]).toBe(
      "Numero,Denominazione,Descrizione,Categoria,Posizione,Proprietà,Email di chi presta,Prestato fino al,Valore,Acquistato il,Note",
    );
    expect(csv).toContain("Workshop / Shelf A");
    expect(csv).toContain('"Bosch, 18 V"');
    expect((await previewImport(t.db, csv)).valid).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(t.db, translator("en"))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Inventory")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe("Name");
  });
});
