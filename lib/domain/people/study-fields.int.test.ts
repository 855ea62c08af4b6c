import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, profiles } from "@/lib/db/schema";
import { updateProfile } from "./person-service";
import { ownProfile } from "./profile-settings";
import { createStudyField, listStudyFields, mergeStudyFields, renameStudyField, setStudyFieldRetired, studiesOf, studyFieldNames } from "./study-fields";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

async function field(name: string): Promise<number> {
  const made = await createStudyField(t.db, t.ids.admin, name);
  if (!made.ok) throw new Error(made.message);
  return made.id;
}

/** The member's profile as the form sends it, with these studies. */
async function saveStudies(actorId: number, personId: number, studies: { field: string; startYear?: number | null; endYear?: number | null }[]) {
  const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, personId));
  return updateProfile(t.db, actorId, personId, {
    firstName: p!.firstName,
    lastName: p!.lastName,
    email: p!.email ?? "",
    phone: p!.phone ?? "",
    preferredLanguage: p!.preferredLanguage as "en",
    studies,
  });
}

describe("fields of study as a list the admins keep", () => {
  it("adds fields for members.write only, names unique in any case, searchable", async () => {
    const physics = await field("Physics");
    await field("Mechanical engineering");
    await field("Electrical engineering");
    expect(await createStudyField(t.db, t.ids.member, "Alchemy")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createStudyField(t.db, t.ids.admin, " physics ")).toMatchObject({ ok: false, code: "duplicate_name", field: "name" });
    expect(await createStudyField(t.db, t.ids.admin, "  ")).toMatchObject({ ok: false, code: "invalid", field: "name" });
    expect((await listStudyFields(t.db, { q: "ENGINEER" })).map((f) => f.name)).toEqual(["Electrical engineering", "Mechanical engineering"]);
    expect((await listStudyFields(t.db, { q: "%" })).map((f) => f.name)).toEqual([]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "study_field.create"), eq(auditLog.entityId, String(physics))));
    expect(audit).toEqual([expect.objectContaining({ actorId: t.ids.admin, after: { name: "Physics" } })]);
  });

  it("a profile chooses from the list (any case); a name not on it is refused and nothing of the profile is saved", async () => {
    expect(await saveStudies(t.ids.member, t.ids.member, [{ field: "physics", startYear: 2010, endYear: 2014 }, { field: "Mechanical Engineering" }])).toEqual({
      ok: true,
    });
    expect((await ownProfile(t.db, t.ids.member))!.studies).toMatchObject([
      { field: "Physics", startYear: 2010, endYear: 2014 },
      { field: "Mechanical engineering", startYear: null, endYear: null },
    ]);
    const [before] = await t.db.select({ phone: profiles.phone }).from(profiles).where(eq(profiles.personId, t.ids.member));
    const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.member));
    const refused = await updateProfile(t.db, t.ids.member, t.ids.member, {
      firstName: p!.firstName,
      lastName: p!.lastName,
      email: p!.email ?? "",
      phone: "+43 1 999",
      studies: [{ field: "Astrology" }],
    });
    expect(refused).toMatchObject({ ok: false, code: "unknown_study_field", field: "studies" });
    expect((await t.db.select({ phone: profiles.phone }).from(profiles).where(eq(profiles.personId, t.ids.member)))[0]).toEqual(before);
    expect((await studiesOf(t.db, [t.ids.member])).map((s) => s.field)).toEqual(["Physics", "Mechanical engineering"]);
  });

  it("a rename shows on every profile at once and is in the history", async () => {
    const [physics] = await listStudyFields(t.db, { q: "Physics" });
    expect(physics!.people).toBe(1);
    expect(await renameStudyField(t.db, t.ids.member, physics!.id, "Applied physics")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await renameStudyField(t.db, t.ids.admin, physics!.id, "Applied physics")).toEqual({ ok: true });
    expect((await studiesOf(t.db, [t.ids.member]))[0]).toMatchObject({ field: "Applied physics", startYear: 2010 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "study_field.rename"));
    expect(entry).toMatchObject({ before: { name: "Physics" }, after: { name: "Applied physics" } });
  });

  it("retired: no longer offered, kept by those who have it, refused to others; offered again when brought back", async () => {
    const [mech] = await listStudyFields(t.db, { q: "Mechanical" });
    expect(await setStudyFieldRetired(t.db, t.ids.admin, mech!.id, true)).toEqual({ ok: true });
    expect(await studyFieldNames(t.db)).not.toContain("Mechanical engineering");
    expect((await listStudyFields(t.db, { includeRetired: true })).find((f) => f.id === mech!.id)).toMatchObject({ retired: true, people: 1 });
    // The member saves their profile again: the retired field stays.
    expect(
      await saveStudies(t.ids.member, t.ids.member, [{ field: "Applied physics", startYear: 2010, endYear: 2014 }, { field: "Mechanical engineering" }]),
    ).toEqual({ ok: true });
    expect(await saveStudies(t.ids.maria, t.ids.maria, [{ field: "Mechanical engineering" }])).toMatchObject({ ok: false, code: "unknown_study_field" });
    expect(await setStudyFieldRetired(t.db, t.ids.admin, mech!.id, false)).toEqual({ ok: true });
    expect(await saveStudies(t.ids.maria, t.ids.maria, [{ field: "Mechanical engineering", startYear: 2001 }])).toEqual({ ok: true });
    const types = (
      await t.db
        .select({ type: auditLog.changeType })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(mech!.id)))
    ).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["study_field.retire", "study_field.restore"]));
  });

  it("merging moves everyone to the other field, one entry per period, and the merged one leaves the list", async () => {
    const typo = await field("Mechanical enginering");
    const [mech] = await listStudyFields(t.db, { q: "Mechanical engineering" });
    // Maria typed both (the same years once), the member only the right one.
    const [p] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.maria));
    expect(
      await updateProfile(t.db, t.ids.maria, t.ids.maria, {
        firstName: p!.firstName,
        lastName: p!.lastName,
        email: p!.email ?? "",
        studies: [
          { field: "Mechanical engineering", startYear: 2001 },
          { field: "Mechanical enginering", startYear: 2001 },
          { field: "Mechanical enginering", startYear: 2020 },
        ],
      }),
    ).toEqual({ ok: true });
    expect(await mergeStudyFields(t.db, t.ids.member, typo, mech!.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await mergeStudyFields(t.db, t.ids.admin, typo, typo)).toMatchObject({ ok: false, code: "invalid" });
    expect(await mergeStudyFields(t.db, t.ids.admin, typo, mech!.id)).toEqual({ ok: true, moved: 1 });
    expect((await studiesOf(t.db, [t.ids.maria])).map((s) => [s.field, s.startYear])).toEqual([
      ["Mechanical engineering", 2001],
      ["Mechanical engineering", 2020],
    ]);
    expect((await listStudyFields(t.db, { includeRetired: true })).map((f) => f.name)).not.toContain("Mechanical enginering");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "study_field.merge"));
    expect(entry).toMatchObject({ before: { name: "Mechanical enginering" }, after: { mergedInto: "Mechanical engineering", studiesMoved: 1 } });
  });
});
