import { and, asc, count, eq, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { profileStudies, studyFields } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { uniqueViolation } from "../shared/db-errors";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { fail, forbidden, notFound, type Failure, type Result } from "./result";

/**
 * Fields of study as a list the admins keep (members.write): add, rename, merge two into one, retire (no longer
 * offered; those who have it keep it) and bring back. People choose from the active ones on their profile.
 */

export interface StudyFieldEntry {
  id: number;
  name: string;
  retired: boolean;
  /** How many study entries (people) have it. */
  people: number;
}

export interface PersonStudy {
  personId: number;
  fieldId: number;
  field: string;
  startYear: number | null;
  endYear: number | null;
}

const nameSchema = z.string().trim().min(1).max(200);

/** The list, A–Z; `q` searches the names (any case, anywhere in the name); retired ones only when asked for. */
export async function listStudyFields(db: Db, opts: { q?: string; includeRetired?: boolean } = {}): Promise<StudyFieldEntry[]> {
  const q = opts.q?.replace(/\0/g, "").trim().slice(0, 200) ?? "";
  const rows = q
    ? await fieldsQuery(db, !!opts.includeRetired, ilike(studyFields.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    : await (opts.includeRetired ? wholeLists(db).all : wholeLists(db).active).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, retired: r.retiredAt !== null, people: Number(r.people) }));
}

function fieldsQuery(db: Db, includeRetired: boolean, search?: SQL) {
  return db
    .select({ id: studyFields.id, name: studyFields.name, retiredAt: studyFields.retiredAt, people: count(profileStudies.id) })
    .from(studyFields)
    .leftJoin(profileStudies, eq(profileStudies.fieldId, studyFields.id))
    .where(and(includeRetired ? undefined : isNull(studyFields.retiredAt), search))
    .groupBy(studyFields.id)
    .orderBy(asc(sql`lower(${studyFields.name})`));
}
// The lists without a search, prepared once per handle: the people list offers every field as a filter on every request.
const wholeLists = perDb((db) => ({
  all: fieldsQuery(db, true).prepare("study_fields_all"),
  active: fieldsQuery(db, false).prepare("study_fields_active"),
}));

/** The names people may choose on their profile: the active fields, A–Z. */
const fieldNames = perDb((db) =>
  db
    .select({ name: studyFields.name })
    .from(studyFields)
    .where(isNull(studyFields.retiredAt))
    .orderBy(asc(sql`lower(${studyFields.name})`))
    .prepare("study_field_names"),
);
export async function studyFieldNames(db: Db): Promise<string[]> {
  return (await fieldNames(db).execute()).map((r) => r.name);
}

/** Study entries with their field's current name, as every reader of a person's studies selects them. */
export function selectStudies(db: Db) {
  return db
    .select({
      personId: profileStudies.personId,
      fieldId: profileStudies.fieldId,
      field: studyFields.name,
      startYear: profileStudies.startYear,
      endYear: profileStudies.endYear,
    })
    .from(profileStudies)
    .innerJoin(studyFields, eq(studyFields.id, profileStudies.fieldId));
}

/** The study entries of these people with their field's current name, in the order they were entered. */
export async function studiesOf(db: Db, personIds: number[]): Promise<PersonStudy[]> {
  if (personIds.length === 0) return [];
  return selectStudies(db).where(inArray(profileStudies.personId, personIds)).orderBy(asc(profileStudies.id));
}

/**
 * A profile's studies as typed or chosen (by name, any case) → the list's entries. A retired field is kept only
 * by someone who already has it; a name not on the list is refused (the admins keep the list).
 */
export async function resolveStudies(
  db: Db,
  personId: number | null,
  studies: { field: string; startYear?: number | null; endYear?: number | null }[],
): Promise<Result<{ rows: { fieldId: number; field: string; startYear: number | null; endYear: number | null }[] }>> {
  if (studies.length === 0) return { ok: true, rows: [] };
  const names = [...new Set(studies.map((s) => s.field.trim().toLowerCase()))];
  const found = await db
    .select()
    .from(studyFields)
    .where(inArray(sql`lower(${studyFields.name})`, names));
  const held =
    personId === null
      ? new Set<number>()
      : new Set((await db.select({ id: profileStudies.fieldId }).from(profileStudies).where(eq(profileStudies.personId, personId))).map((r) => r.id));
  const rows = [];
  for (const s of studies) {
    const field = found.find((f) => f.name.toLowerCase() === s.field.trim().toLowerCase());
    if (!field || (field.retiredAt !== null && !held.has(field.id))) {
      return fail("unknown_study_field", `"${s.field.trim()}" is not on the list of fields of study.`, { field: "studies" });
    }
    rows.push({ fieldId: field.id, field: field.name, startYear: s.startYear ?? null, endYear: s.endYear ?? null });
  }
  return { ok: true, rows };
}

async function guarded<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) === "study_fields_name_lower_idx")
      return fail("duplicate_name", "This field of study is already on the list.", { field: "name" });
    throw error;
  }
}

async function mayKeep(db: Db, actorId: number): Promise<Failure | null> {
  return (await actorMay(db, actorId, "members.write")) ? null : forbidden();
}

export async function createStudyField(db: Db, actorId: number, rawName: string): Promise<Result<{ id: number }>> {
  const refused = await mayKeep(db, actorId);
  if (refused) return refused;
  const name = nameSchema.safeParse(rawName);
  if (!name.success) return invalidFrom(name.error.issues.map((i) => ({ ...i, path: ["name"] })));
  return guarded(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(studyFields).values({ name: name.data }).returning({ id: studyFields.id });
      await recordAudit(tx, { actorId, changeType: "study_field.create", entity: "study_field", entityId: row!.id, after: { name: name.data } });
      return { ok: true as const, id: row!.id };
    }),
  );
}

/** A new name shows at once on every profile that has the field. */
export async function renameStudyField(db: Db, actorId: number, id: number, rawName: string): Promise<Result> {
  const refused = await mayKeep(db, actorId);
  if (refused) return refused;
  const name = nameSchema.safeParse(rawName);
  if (!name.success) return invalidFrom(name.error.issues.map((i) => ({ ...i, path: ["name"] })));
  return guarded(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(studyFields).where(eq(studyFields.id, id)).for("update");
      if (!before) return notFound("field of study");
      if (before.name === name.data) return { ok: true as const };
      await tx.update(studyFields).set({ name: name.data }).where(eq(studyFields.id, id));
      await recordAudit(tx, {
        actorId,
        changeType: "study_field.rename",
        entity: "study_field",
        entityId: id,
        before: { name: before.name },
        after: { name: name.data },
      });
      return { ok: true as const };
    }),
  );
}

/**
 * Two entries for one field (a typo, a translation): everyone with `fromId` gets `intoId` instead (keeping their
 * years; someone who had both keeps one entry per period), and `fromId` leaves the list.
 */
export async function mergeStudyFields(db: Db, actorId: number, fromId: number, intoId: number): Promise<Result<{ moved: number }>> {
  const refused = await mayKeep(db, actorId);
  if (refused) return refused;
  if (fromId === intoId) return fail("invalid", "A field cannot be merged into itself.", { field: "intoId" });
  return db.transaction(async (tx) => {
    const pair = await tx
      .select()
      .from(studyFields)
      .where(inArray(studyFields.id, [fromId, intoId]))
      .for("update");
    const from = pair.find((f) => f.id === fromId);
    const into = pair.find((f) => f.id === intoId);
    if (!from || !into) return notFound("field of study");
    // Entries that would repeat one the person already has for the target (same years) go; the rest move.
    await tx.execute(sql`
      delete from profile_studies s using profile_studies t
      where s.field_id = ${fromId} and t.field_id = ${intoId} and t.person_id = s.person_id
        and t.start_year is not distinct from s.start_year and t.end_year is not distinct from s.end_year`);
    const moved = await tx.update(profileStudies).set({ fieldId: intoId }).where(eq(profileStudies.fieldId, fromId)).returning({ id: profileStudies.id });
    await tx.delete(studyFields).where(eq(studyFields.id, fromId));
    await recordAudit(tx, {
      actorId,
      changeType: "study_field.merge",
      entity: "study_field",
      entityId: fromId,
      before: { name: from.name },
      after: { mergedInto: into.name, studiesMoved: moved.length },
    });
    return { ok: true as const, moved: moved.length };
  });
}

/** Retired: no longer offered on profiles; those who have it keep it. Brought back: offered again. */
export async function setStudyFieldRetired(db: Db, actorId: number, id: number, retired: boolean, now = new Date()): Promise<Result> {
  const refused = await mayKeep(db, actorId);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(studyFields).where(eq(studyFields.id, id)).for("update");
    if (!before) return notFound("field of study");
    if ((before.retiredAt !== null) === retired) return { ok: true as const };
    await tx
      .update(studyFields)
      .set({ retiredAt: retired ? now : null })
      .where(eq(studyFields.id, id));
    await recordAudit(tx, {
      actorId,
      changeType: retired ? "study_field.retire" : "study_field.restore",
      entity: "study_field",
      entityId: id,
      before: { name: before.name, retired: !retired },
      after: { name: before.name, retired },
    });
    return { ok: true as const };
  });
}
