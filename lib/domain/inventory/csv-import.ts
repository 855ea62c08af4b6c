import { sql } from "drizzle-orm";
import { columnOfHeader } from "../shared/column-headers";
import type { Db } from "@/lib/db/client";
import { accounts, profiles } from "@/lib/db/schema";
import { ensureCategory } from "./categories";
import { parseCsv } from "../shared/csv";
import { listLocations } from "./locations";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";
import { insertThing, thingInput, type ThingValues } from "./things";

/** The columns the import understands (the export writes the same ones, plus number). */
export const IMPORT_COLUMNS = [
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
] as const;
export const MAX_IMPORT_ROWS = 5000;
const COLUMN_OF: Record<string, string> = {
  name: "name",
  description: "description",
  ownership: "ownership",
  lenderPersonId: "lender_email",
  lenderUntil: "lender_until",
  value: "value",
  purchaseDate: "purchase_date",
  notes: "notes",
};

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  name: string;
  category: string;
  location: string;
  errors: string[];
  values?: ThingValues;
}

export interface ImportPreview {
  rows: ImportRow[];
  /** Problems with the file as a whole (no header, unknown columns …). */
  fileErrors: string[];
  valid: boolean;
}

/** "Workshop / Shelf A / Box 1" → location id, from the full path of every location. */
async function locationsByPath(db: Db): Promise<Map<string, number>> {
  const all = await listLocations(db);
  const byId = new Map(all.map((l) => [l.id, l]));
  const pathOf = (id: number, seen = new Set<number>()): string => {
    const l = byId.get(id)!;
    if (!l.parentId || seen.has(l.id)) return l.name;
    seen.add(l.id);
    return `${pathOf(l.parentId, seen)} / ${l.name}`;
  };
  return new Map(all.map((l) => [pathOf(l.id).toLowerCase(), l.id]));
}

async function peopleByEmail(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ personId: profiles.personId, email: profiles.email })
    .from(profiles)
    .where(sql`${profiles.email} is not null`);
  const logins = await db.select({ personId: accounts.personId, email: accounts.email }).from(accounts);
  return new Map([...rows, ...logins].map((r) => [r.email!.toLowerCase(), r.personId]));
}

/** Checks every row without writing anything; the same check runs again inside the confirming transaction. */
export async function previewImport(db: Db, csvText: string): Promise<ImportPreview> {
  const table = parseCsv(csvText);
  // A column named by its key or by its label in any language (an export's headers are in its reader's language).
  const header = (table[0] ?? []).map((h) => columnOfHeader(h, [...IMPORT_COLUMNS, "number"]) ?? h.trim().toLowerCase());
  const fileErrors: string[] = [];
  if (!header.includes("name")) fileErrors.push('The first line must name the columns and include "name".');
  const unknown = header.filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h) && h !== "number");
  if (unknown.length) fileErrors.push(`Unknown columns: ${unknown.join(", ")}. Known: ${IMPORT_COLUMNS.join(", ")}.`);
  if (table.length < 2) fileErrors.push("The file has no rows below the header.");
  if (table.length - 1 > MAX_IMPORT_ROWS) fileErrors.push(`At most ${MAX_IMPORT_ROWS} rows per import.`);
  if (fileErrors.length) return { rows: [], fileErrors, valid: false };

  const [locations, emails] = await Promise.all([locationsByPath(db), peopleByEmail(db)]);
  const rows = table.slice(1).map((cells, i): ImportRow => {
    const get = (col: string) => (header.indexOf(col) >= 0 ? (cells[header.indexOf(col)] ?? "").trim() : "");
    const errors: string[] = [];
    const location = get("location");
    const locationId = location ? locations.get(location.replace(/\s*[/›>]\s*/g, " / ").toLowerCase()) : null;
    if (location && !locationId) errors.push(`location: "${location}" does not exist (write the full path, e.g. Workshop / Shelf A / Box 1)`);
    const lenderEmail = get("lender_email").toLowerCase();
    const lenderPersonId = lenderEmail ? emails.get(lenderEmail) : null;
    if (lenderEmail && !lenderPersonId) errors.push(`lender_email: nobody has the address ${lenderEmail}`);
    const value = get("value").replace(",", ".");
    const parsed = thingInput.safeParse({
      name: get("name"),
      description: get("description"),
      locationId: locationId ?? null,
      ownership: get("ownership") || (lenderEmail ? "on_loan_from_member" : "owned"),
      lenderPersonId: lenderPersonId ?? null,
      lenderUntil: get("lender_until") || null,
      value: value || null,
      purchaseDate: get("purchase_date") || null,
      notes: get("notes"),
    });
    if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => `${COLUMN_OF[String(issue.path[0])] ?? "row"}: ${issue.message}`));
    if (get("category").length > 100) errors.push("category: at most 100 characters");
    return { line: i + 2, name: get("name"), category: get("category"), location, errors, values: parsed.success && !errors.length ? parsed.data : undefined };
  });
  return { rows, fileErrors, valid: rows.every((r) => r.errors.length === 0) };
}

/** All or nothing: any row with an error and nothing is written. */
export async function confirmImport(
  db: Db,
  actorId: number,
  csvText: string,
): Promise<Result<{ created: number[] }> | (ImportPreview & { ok: false; code: "invalid"; message: string })> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  return db.transaction(async (tx) => {
    const preview = await previewImport(tx, csvText);
    if (!preview.valid)
      return { ...preview, ...fail("invalid", "Some rows have errors; nothing was imported.") } as ImportPreview & {
        ok: false;
        code: "invalid";
        message: string;
      };
    const created: number[] = [];
    for (const row of preview.rows) {
      const categoryId = row.category ? (await ensureCategory(tx, actorId, row.category)).id : null;
      created.push((await insertThing(tx, actorId, { ...row.values!, categoryId })).number);
    }
    return { ok: true as const, created };
  });
}
