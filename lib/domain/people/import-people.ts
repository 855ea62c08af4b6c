import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { grantRefusal } from "../access/containment";
import { recordAudit } from "../audit/record-audit";
import { normalizeCardUid } from "../cards/uid";
import { parseCsv } from "../shared/csv";
import { emailTaken, statusGetsNumber } from "./person-service";
import { columnOfHeader } from "../shared/column-headers";
import { profileInputSchema, profileAuditValues, type ProfileData } from "./profile-input";
import { fail, forbidden, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

export const IMPORT_COLUMNS = ["firstName", "lastName", "email", "phone", "status", "cardUid"] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportRowError {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  rows: { line: number; profile: ProfileData; statusKey: string; cardUid: string | null }[];
  errors: ImportRowError[];
}

/** Reads and checks a whole CSV without writing anything: the admin sees every row's problem at once. */
export async function previewImport(db: Db, csvText: string): Promise<ImportPreview> {
  const table = parseCsv(csvText);
  const errors: ImportRowError[] = [];
  const [header = [], ...body] = table;
  // A column named by its key or by its label in any language (an export's headers are in its reader's language).
  const columns = header.map((h) => columnOfHeader(h, IMPORT_COLUMNS) ?? h.trim());
  const missing = ["firstName", "status"].filter((c) => !columns.includes(c));
  if (missing.length) return { rows: [], errors: missing.map((field) => ({ line: 1, field, message: `the column "${field}" is missing` })) };
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], errors: [{ line: 1, field: "", message: `at most ${MAX_IMPORT_ROWS} rows per import` }] };
  const statuses = await db.select().from(membershipStatuses);
  const seenEmails = new Map<string, number>();
  const seenCards = new Map<string, number>();
  const rows: ImportPreview["rows"] = [];
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    const get = (name: string) => (columns.includes(name) ? (cells[columns.indexOf(name)] ?? "").trim() : "");
    const rowErrors: ImportRowError[] = [];
    if (cells.length !== columns.length) rowErrors.push({ line, field: "", message: `has ${cells.length} fields, the header has ${columns.length}` });
    const parsed = profileInputSchema.safeParse({ firstName: get("firstName"), lastName: get("lastName"), email: get("email"), phone: get("phone") });
    if (!parsed.success) for (const issue of parsed.error.issues) rowErrors.push({ line, field: issue.path.join("."), message: issue.message });
    const status = statuses.find((s) => s.key === get("status").toLowerCase());
    if (!status) rowErrors.push({ line, field: "status", message: `unknown status "${get("status")}"` });
    const rawUid = get("cardUid");
    const cardUid = rawUid ? normalizeCardUid(rawUid) : null;
    if (rawUid && !cardUid) rowErrors.push({ line, field: "cardUid", message: `"${rawUid}" is not 8 hexadecimal digits` });
    if (parsed.success && parsed.data.email) {
      const email = parsed.data.email;
      if (seenEmails.has(email)) rowErrors.push({ line, field: "email", message: `same email as line ${seenEmails.get(email)}` });
      else if (await emailTaken(db, email, null)) rowErrors.push({ line, field: "email", message: `${email} is already used by another person` });
      seenEmails.set(email, line);
    }
    if (cardUid) {
      if (seenCards.has(cardUid)) rowErrors.push({ line, field: "cardUid", message: `same card as line ${seenCards.get(cardUid)}` });
      else if (
        (
          await db
            .select({ id: cards.id })
            .from(cards)
            .where(and(eq(cards.uid, cardUid), eq(cards.state, "active")))
        ).length
      )
        rowErrors.push({ line, field: "cardUid", message: `card ${cardUid} is already active for someone` });
      seenCards.set(cardUid, line);
    }
    errors.push(...rowErrors);
    if (!rowErrors.length && parsed.success && status) rows.push({ line, profile: parsed.data, statusKey: status.key, cardUid });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, field: "", message: "the file has no rows" });
  return { rows, errors };
}

/**
 * Writes the import in one transaction: all rows or none. Rows with problems block it, unless the admin saw them
 * in the preview and confirmed skipping exactly those lines (`skipLines`); a problem on any other line (say an
 * email taken since the preview) still refuses the whole file.
 */
export async function commitImport(
  db: Db,
  actorId: number,
  csvText: string,
  opts: { skipLines?: number[] } = {},
): Promise<Result<{ created: number; skipped: number }> | { ok: false; code: "rows"; errors: ImportRowError[]; message: string }> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const preview = await previewImport(db, csvText);
  const skip = new Set((opts.skipLines ?? []).filter((line) => line > 1));
  const blocking = preview.errors.filter((e) => !skip.has(e.line));
  if (blocking.length) return { ok: false, code: "rows", errors: preview.errors, message: `${blocking.length} problems; nothing was imported.` };
  if (preview.rows.length === 0) return fail("invalid", "There is no valid row to import.");
  // Each row's status hands out its roles: none may grant more than the importing admin holds.
  const statusKeys = [...new Set(preview.rows.map((r) => r.statusKey))];
  const used = await db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(inArray(membershipStatuses.key, statusKeys));
  const beyond = await grantRefusal(db, actorId, ...used.map((s) => ({ statusId: s.id })));
  if (beyond) return beyond;
  const skipped = new Set(preview.errors.map((e) => e.line)).size;
  try {
    return await db.transaction(async (tx) => {
      const statuses = await tx
        .select()
        .from(membershipStatuses)
        .where(inArray(membershipStatuses.key, [...new Set(preview.rows.map((r) => r.statusKey))]));
      for (const row of preview.rows) {
        const status = statuses.find((s) => s.key === row.statusKey)!;
        const numbered = statusGetsNumber(status);
        const [person] = await tx
          .insert(people)
          .values({ statusId: status.id, memberNumber: numbered ? sql`nextval('member_number_seq')` : null, joinedOn: numbered ? new Date() : null })
          .returning();
        const { studies: _studies, ...columns } = row.profile;
        await tx.insert(profiles).values({ personId: person!.id, ...columns });
        if (row.cardUid) await tx.insert(cards).values({ personId: person!.id, uid: row.cardUid });
        await recordAudit(tx, {
          actorId,
          subjectPersonId: person!.id,
          changeType: "person.import",
          entity: "person",
          entityId: person!.id,
          after: { status: status.key, ...profileAuditValues(columns), cardUid: row.cardUid, line: row.line },
        });
      }
      return { ok: true as const, created: preview.rows.length, skipped };
    });
  } catch (error) {
    // A concurrent change (e.g. the same email saved meanwhile) rolls the whole import back.
    return fail("invalid", `Nothing was imported: ${(error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message}`);
  }
}
