import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, membershipStatuses, membershipTypes, people, profiles } from "@/lib/db/schema";
import { getSessionPerson } from "../auth/session-person";
import { permissionsOfPerson } from "../access/person-permissions";
import { addMembership, runEndOfYear, setEndsAtYearEnd } from "./membership-service";
import { changeStatus, createPersonRecord, updateProfile } from "./person-service";
import { createStudyField } from "./study-fields";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
const status: Record<string, number> = {};
beforeAll(async () => {
  t = await createDemoDatabase();
  for (const s of await t.db.select().from(membershipStatuses)) status[s.key] = s.id;
});
afterAll(() => t?.close());

const audits = (personId: number) => t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, personId)).orderBy(auditLog.id);

describe("create and edit a person", () => {
  it("creates a member with a number from the sequence and an audit entry", async () => {
    const r = await createPersonRecord(t.db, t.ids.admin, {
      statusId: status.member!,
      profile: { firstName: "Grace", lastName: "Hopper", email: "GRACE@Example.org" },
    });
    expect(r).toMatchObject({ ok: true, memberNumber: expect.any(Number) });
    if (!r.ok) return;
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.personId, r.personId));
    expect(profile!.email).toBe("grace@example.org");
    const [entry] = await audits(r.personId);
    expect(entry).toMatchObject({
      actorId: t.ids.admin,
      changeType: "person.create",
      after: expect.objectContaining({ firstName: "Grace", status: "member" }),
    });
  });

  it("refuses a duplicate email (any case) naming the field, and writes nothing", async () => {
    const before = await t.db.select().from(people);
    const r = await createPersonRecord(t.db, t.ids.admin, { statusId: status.member!, profile: { firstName: "X", email: "Member@Makerspace.local" } });
    expect(r).toMatchObject({ ok: false, code: "duplicate_email", field: "email" });
    expect(await t.db.select().from(people)).toHaveLength(before.length);
    const edit = await updateProfile(t.db, t.ids.maria, t.ids.maria, { firstName: "Maria", lastName: "Huber", email: "member@makerspace.local" });
    expect(edit).toMatchObject({ ok: false, code: "duplicate_email", field: "email" });
  });

  it("refuses bad input by field name", async () => {
    expect(await createPersonRecord(t.db, t.ids.admin, { statusId: status.member!, profile: { firstName: "", email: "x@y.z" } })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "firstName",
    });
    expect(await updateProfile(t.db, t.ids.maria, t.ids.maria, { firstName: "Maria", email: "not-an-email" })).toMatchObject({ ok: false, field: "email" });
    const studies = [{ field: "Physics", startYear: 2010, endYear: 2005 }];
    expect(await updateProfile(t.db, t.ids.maria, t.ids.maria, { firstName: "Maria", studies })).toMatchObject({ ok: false, field: "studies.0.endYear" });
  });

  it("lets a member edit only their own profile; the edit is audited with only the changed fields", async () => {
    expect(await updateProfile(t.db, t.ids.member, t.ids.maria, { firstName: "Hacked" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createStudyField(t.db, t.ids.admin, "Design")).toMatchObject({ ok: true });
    const r = await updateProfile(t.db, t.ids.maria, t.ids.maria, {
      firstName: "Maria",
      lastName: "Huber",
      email: "maria@makerspace.local",
      phone: "+43 660 1234567",
      studies: [{ field: "Design", startYear: 2015, endYear: 2019 }],
    });
    expect(r).toEqual({ ok: true });
    const entry = (await audits(t.ids.maria)).at(-1)!;
    expect(entry.changeType).toBe("profile.update");
    expect(entry.before).toEqual({ phone: null, studies: [] });
    expect(entry.after).toEqual({ phone: "+43 660 1234567", studies: [{ field: "Design", startYear: 2015, endYear: 2019 }] });
  });
});

describe("statuses and what they allow", () => {
  it("needs a reason, records it, and follows the status at once (login, permissions, number)", async () => {
    const r = await createPersonRecord(t.db, t.ids.admin, { statusId: status.applicant!, profile: { firstName: "Ann", email: "ann@example.org" } });
    if (!r.ok) throw new Error(r.message);
    expect(r.memberNumber).toBeNull();
    expect(await changeStatus(t.db, t.ids.admin, r.personId, { statusId: status.member!, reason: " " })).toMatchObject({ ok: false, field: "reason" });
    expect(await changeStatus(t.db, t.ids.member, r.personId, { statusId: status.member!, reason: "x" })).toMatchObject({ code: "forbidden" });
    expect(await changeStatus(t.db, t.ids.admin, r.personId, { statusId: status.member!, reason: "Admitted at the meeting" })).toEqual({ ok: true });
    const [admitted] = await t.db.select().from(people).where(eq(people.id, r.personId));
    expect(admitted!.memberNumber).toEqual(expect.any(Number));
    expect(await permissionsOfPerson(t.db, r.personId)).toContain("directory.read");
    expect((await audits(r.personId)).at(-1)).toMatchObject({
      changeType: "person.status",
      before: { status: "applicant" },
      after: { status: "member", reason: "Admitted at the meeting" },
    });

    await changeStatus(t.db, t.ids.admin, r.personId, { statusId: status.banned!, reason: "Safety" });
    expect((await permissionsOfPerson(t.db, r.personId)).size).toBe(0);
    await changeStatus(t.db, t.ids.admin, r.personId, { statusId: status.member!, reason: "Ban lifted" });
    const [again] = await t.db.select().from(people).where(eq(people.id, r.personId));
    expect(again!.memberNumber).toBe(admitted!.memberNumber); // kept, never a second one
  });

  it("a status that may not log in ends the session", async () => {
    expect(await getSessionPerson(t.db, t.ids.trainer)).not.toBeNull();
    await changeStatus(t.db, t.ids.admin, t.ids.trainer, { statusId: status.former!, reason: "Left" });
    expect(await getSessionPerson(t.db, t.ids.trainer)).toBeNull();
    await changeStatus(t.db, t.ids.admin, t.ids.trainer, { statusId: status.member!, reason: "Back" });
  });

  it("never reuses a member number", async () => {
    const a = await createPersonRecord(t.db, t.ids.admin, { statusId: status.member!, profile: { firstName: "A" } });
    if (!a.ok) throw new Error(a.message);
    await t.db.delete(profiles).where(eq(profiles.personId, a.personId));
    await t.db.delete(auditLog).where(eq(auditLog.subjectPersonId, a.personId));
    await t.db.delete(people).where(eq(people.id, a.personId));
    const b = await createPersonRecord(t.db, t.ids.admin, { statusId: status.member!, profile: { firstName: "B" } });
    expect(b.ok && b.memberNumber).toBeGreaterThan(a.memberNumber!);
  });
});

describe("memberships and the end of the association year", () => {
  it("refuses an invalid date range by field", async () => {
    const [type] = await t.db.select().from(membershipTypes);
    expect(await addMembership(t.db, t.ids.admin, t.ids.member, { typeId: type!.id, validFrom: "2025-03-01", validUntil: "2025-02-01" })).toMatchObject({
      ok: false,
      code: "date_range",
      field: "validUntil",
    });
    expect(await addMembership(t.db, t.ids.admin, t.ids.member, { typeId: type!.id, validFrom: "2025-13-45" })).toMatchObject({
      ok: false,
      field: "validFrom",
    });
  });

  it("moves people whose membership ends at year end to former, once", async () => {
    const [type] = await t.db.select().from(membershipTypes);
    const m = await addMembership(t.db, t.ids.admin, t.ids.maria, { typeId: type!.id, validFrom: "2024-01-01" });
    await addMembership(t.db, t.ids.admin, t.ids.member, { typeId: type!.id, validFrom: "2024-01-01" });
    if (!m.ok) throw new Error(m.message);
    expect(await setEndsAtYearEnd(t.db, t.ids.maria, m.membershipId, true)).toEqual({ ok: true });
    const r = await runEndOfYear(t.db, t.ids.admin, 2025);
    expect(r).toEqual({ ok: true, moved: [t.ids.maria], skipped: [] });
    const [maria] = await t.db.select().from(people).where(eq(people.id, t.ids.maria));
    expect(maria!.statusId).toBe(status.former);
    const [ended] = await t.db.select().from(memberships).where(eq(memberships.id, m.membershipId));
    expect(ended!.validUntil).toBe("2025-12-31");
    expect(await runEndOfYear(t.db, t.ids.admin, 2025)).toEqual({ ok: true, moved: [], skipped: [] });
    expect((await audits(t.ids.maria)).some((e) => e.changeType === "person.status" && (e.after as { status: string }).status === "former")).toBe(true);
  });
});
