import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressTypes, auditLog, membershipStatuses, membershipTypes, people, roles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { addAddress } from "./address-service";
import { assignFunction, createCommittee, createFunction } from "./committee-service";
import { deleteCommittee, deleteFunction, resolvePersonRef, updateCommittee, updateFunction } from "./committee-admin";
import { addMembership, runEndOfYearOn } from "./membership-service";
import { deleteAddressType, deleteMembershipType, deleteStatus, setStatusRoles } from "./reference-delete";
import { listStatuses, saveAddressType, saveMembershipType, saveStatus, saveStatusWithRoles } from "./reference-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
const status: Record<string, number> = {};
const role: Record<string, number> = {};
beforeAll(async () => {
  t = await createDemoDatabase();
  for (const s of await t.db.select().from(membershipStatuses)) status[s.key] = s.id;
  for (const r of await t.db.select().from(roles)) role[r.key] = r.id;
});
afterAll(() => t?.close());

const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(auditLog.id)).at(-1)!;
const flags = { mayLogIn: true, mayUseMachines: false, inDirectory: true, mayVote: false };

describe("membership statuses", () => {
  it("creates and edits a status with its flags, audited; only system admins", async () => {
    expect(await saveStatus(t.db, t.ids.member, null, { key: "guest", name: "Guest", ...flags })).toMatchObject({ ok: false, code: "forbidden" });
    const r = await saveStatus(t.db, t.ids.admin, null, { key: "guest", name: "Guest", ...flags });
    if (!r.ok) throw new Error(r.message);
    expect(await saveStatus(t.db, t.ids.admin, r.id, { key: "guest", name: "Guest", ...flags, mayVote: true })).toMatchObject({ ok: true });
    expect(await lastAudit()).toMatchObject({ changeType: "membership_status.update", before: { mayVote: false }, after: { mayVote: true } });
  });

  it("keeps the keys the system looks statuses up by", async () => {
    const r = await saveStatus(t.db, t.ids.admin, status.former!, { key: "ex", name: "Ex-member", ...flags, mayLogIn: false });
    expect(r).toMatchObject({ ok: false, code: "invalid", field: "key" });
    expect(
      await saveStatus(t.db, t.ids.admin, status.former!, { key: "former", name: "Ex-member", ...flags, mayLogIn: false, inDirectory: false }),
    ).toMatchObject({ ok: true });
  });

  it("refuses to delete a status in use or needed by the system, with a clear message; deletes an unused one", async () => {
    const used = await deleteStatus(t.db, t.ids.admin, status.member!);
    expect(used).toMatchObject({ ok: false, code: "in_use", message: expect.stringContaining("needed by the system") });
    const supporting = await t.db.select({ id: people.id }).from(people).where(eq(people.statusId, status.supporting!));
    const [mover] = await t.db.select().from(people).where(eq(people.statusId, status.member!)).limit(1);
    await t.db.update(people).set({ statusId: status.supporting! }).where(eq(people.id, mover!.id));
    expect(await deleteStatus(t.db, t.ids.admin, status.supporting!)).toMatchObject({
      ok: false,
      code: "in_use",
      message: `${supporting.length + 1} people have this status, so it cannot be deleted.`,
    });
    await t.db.update(people).set({ statusId: status.member! }).where(eq(people.id, mover!.id));

    const [guest] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "guest"));
    expect(await deleteStatus(t.db, t.ids.member, guest!.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteStatus(t.db, t.ids.admin, guest!.id)).toEqual({ ok: true });
    expect(await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.id, guest!.id))).toHaveLength(0);
    expect(await lastAudit()).toMatchObject({
      changeType: "membership_status.delete",
      actorId: t.ids.admin,
      before: expect.objectContaining({ key: "guest" }),
    });
  });

  it("grants roles through a status (dynamic rights), audited by role key", async () => {
    const before = await permissionsOfPerson(t.db, t.ids.applicant);
    expect(before.has("directory.read")).toBe(false);
    expect(await setStatusRoles(t.db, t.ids.member, status.applicant!, [role.member!])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setStatusRoles(t.db, t.ids.admin, status.applicant!, [role.member!])).toEqual({ ok: true });
    expect((await permissionsOfPerson(t.db, t.ids.applicant)).has("directory.read")).toBe(true);
    expect(await lastAudit()).toMatchObject({ changeType: "membership_status.roles", before: { roles: [] }, after: { roles: ["member"] } });
    expect(await setStatusRoles(t.db, t.ids.admin, status.applicant!, [999_999])).toMatchObject({ ok: false, field: "roles" });
    expect(await setStatusRoles(t.db, t.ids.admin, status.applicant!, [])).toEqual({ ok: true });
    expect((await permissionsOfPerson(t.db, t.ids.applicant)).has("directory.read")).toBe(false);
  });

  it("saves a status and its roles in one transaction: a refused roles step leaves nothing saved", async () => {
    expect(await saveStatusWithRoles(t.db, t.ids.admin, null, { key: "halfway", name: "Halfway", ...flags }, [999_999])).toMatchObject({
      ok: false,
      field: "roles",
    });
    expect((await listStatuses(t.db)).some((s) => s.key === "halfway")).toBe(false);
    const r = await saveStatusWithRoles(t.db, t.ids.admin, null, { key: "halfway", name: "Halfway", ...flags }, [role.member!]);
    if (!r.ok) throw new Error(r.message);
    expect(await lastAudit()).toMatchObject({ changeType: "membership_status.roles", entityId: String(r.id), after: { roles: ["member"] } });
    expect(await saveStatusWithRoles(t.db, t.ids.member, r.id, { key: "halfway", name: "Renamed", ...flags }, [])).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});

describe("membership and address types", () => {
  it("refuses to delete a membership type any membership refers to; deletes an unused one", async () => {
    const r = await saveMembershipType(t.db, t.ids.admin, null, { key: "family", name: "Family", feeCents: 9000, billingPeriod: "yearly", partnerRate: true });
    if (!r.ok) throw new Error(r.message);
    await addMembership(t.db, t.ids.admin, t.ids.maria, { typeId: r.id, validFrom: "2024-01-01" });
    expect(await deleteMembershipType(t.db, t.ids.admin, r.id)).toMatchObject({ ok: false, code: "in_use", message: expect.stringContaining("1 memberships") });
    const unused = await saveMembershipType(t.db, t.ids.admin, null, { key: "trial", name: "Trial", feeCents: 0, billingPeriod: "once" });
    if (!unused.ok) throw new Error(unused.message);
    expect(await deleteMembershipType(t.db, t.ids.admin, unused.id)).toEqual({ ok: true });
    expect(await t.db.select().from(membershipTypes).where(eq(membershipTypes.id, unused.id))).toHaveLength(0);
  });

  it("refuses to delete an address type in use", async () => {
    const r = await saveAddressType(t.db, t.ids.admin, null, { key: "studio", name: "Studio" });
    if (!r.ok) throw new Error(r.message);
    const added = await addAddress(t.db, t.ids.admin, t.ids.maria, { typeId: r.id, street: "Hauptstraße 1", city: "Wien", isMain: true });
    expect(added).toMatchObject({ ok: true });
    expect(await deleteAddressType(t.db, t.ids.admin, r.id)).toMatchObject({ ok: false, code: "in_use" });
    const spare = await saveAddressType(t.db, t.ids.admin, null, { key: "spare", name: "Spare" });
    if (!spare.ok) throw new Error(spare.message);
    expect(await deleteAddressType(t.db, t.ids.admin, spare.id)).toEqual({ ok: true });
    expect(await t.db.select().from(addressTypes).where(eq(addressTypes.id, spare.id))).toHaveLength(0);
  });
});

describe("committees and functions", () => {
  it("edits a committee and its functions' roles; only system admins change roles", async () => {
    const c = await createCommittee(t.db, t.ids.admin, { name: "Workshop team" });
    if (!c.ok) throw new Error(c.message);
    expect(await updateCommittee(t.db, t.ids.admin, c.committeeId, { name: "Workshop crew", description: "Keeps it tidy" })).toEqual({ ok: true });
    const f = await createFunction(t.db, t.ids.admin, { committeeId: c.committeeId, name: "Lead" });
    if (!f.ok) throw new Error(f.message);
    expect(await updateFunction(t.db, t.ids.member, f.functionId, { name: "Lead", roleIds: [role.staff!] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateFunction(t.db, t.ids.admin, f.functionId, { name: "Head", roleIds: [role.staff!] })).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({
      changeType: "committee.function.update",
      before: { name: "Lead", roles: [] },
      after: { name: "Head", roles: ["staff"] },
    });
    await assignFunction(t.db, t.ids.admin, { functionId: f.functionId, personId: t.ids.maria, since: "2024-01-01" });
    expect((await permissionsOfPerson(t.db, t.ids.maria)).has("members.write")).toBe(true);

    expect(await deleteFunction(t.db, t.ids.admin, f.functionId)).toMatchObject({ ok: false, code: "in_use" });
    expect(await deleteCommittee(t.db, t.ids.admin, c.committeeId)).toMatchObject({ ok: false, code: "in_use", message: expect.stringContaining("1 records") });
  });

  it("deletes a committee nobody ever held a function of", async () => {
    const c = await createCommittee(t.db, t.ids.admin, { name: "Short-lived" });
    if (!c.ok) throw new Error(c.message);
    const f = await createFunction(t.db, t.ids.admin, { committeeId: c.committeeId, name: "Chair" });
    if (!f.ok) throw new Error(f.message);
    expect(await deleteFunction(t.db, t.ids.admin, f.functionId)).toEqual({ ok: true });
    expect(await deleteCommittee(t.db, t.ids.member, c.committeeId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteCommittee(t.db, t.ids.admin, c.committeeId)).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({ changeType: "committee.delete", before: { name: "Short-lived" } });
  });
});

describe("finding the person an admin means", () => {
  it("by #id, member number or email (any case); null otherwise", async () => {
    const [mario] = await t.db.select().from(people).where(eq(people.id, t.ids.member));
    expect(await resolvePersonRef(t.db, `person:${t.ids.member}`)).toBe(t.ids.member);
    if (mario!.memberNumber !== null) expect(await resolvePersonRef(t.db, String(mario!.memberNumber))).toBe(t.ids.member);
    expect(await resolvePersonRef(t.db, " Member@Makerspace.local ")).toBe(t.ids.member);
    expect(await resolvePersonRef(t.db, "nobody@example.org")).toBeNull();
    expect(await resolvePersonRef(t.db, "Mario")).toBeNull();
    expect(await resolvePersonRef(t.db, "person:999999")).toBeNull();
    expect(await resolvePersonRef(t.db, "Member@Makerspace.local", { byEmail: false })).toBeNull();
  });
});

describe("end of an association year that is not the calendar year", () => {
  it("ends the marked memberships on the given last day and moves those people to former", async () => {
    const [type] = await t.db.select().from(membershipTypes);
    const m = await addMembership(t.db, t.ids.admin, t.ids.member, { typeId: type!.id, validFrom: "2025-09-01", endsAtYearEnd: true });
    if (!m.ok) throw new Error(m.message);
    expect(await runEndOfYearOn(t.db, t.ids.member, "2026-08-31")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await runEndOfYearOn(t.db, t.ids.admin, "31.08.2026")).toMatchObject({ ok: false, field: "lastDay" });
    expect(await runEndOfYearOn(t.db, t.ids.admin, "2026-08-31")).toEqual({ ok: true, moved: [t.ids.member], skipped: [] });
    const [p] = await t.db.select().from(people).where(eq(people.id, t.ids.member));
    expect(p!.statusId).toBe(status.former);
    expect(await runEndOfYearOn(t.db, t.ids.admin, "2026-08-31")).toEqual({ ok: true, moved: [], skipped: [] });
  });
});
