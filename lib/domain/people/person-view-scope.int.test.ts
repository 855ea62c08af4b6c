import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb } from "@/lib/db/testing/query-counter";
import { applicantConfirmations, functionHolders, memberships, membershipStatuses, people, profiles, statusRoles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { grantPersonRole } from "../access/person-roles";
import { createRole, listRolesWithPermissions } from "../access/role-admin";
import { viewRightKey, viewScopeOf } from "../access/view-rights";
import { invitePerson, revokeInvitation } from "../auth/invitation-send";
import { countWithoutLogin, inviteEveryoneWithoutLogin } from "../auth/invite-everyone";
import { addAddress, addressesOf } from "./address-service";
import { approveApplicant, listPendingApplicants, rejectApplicant } from "./applicant-signup";
import { approveLoginRequest, listLoginRequests, rejectLoginRequest } from "./login-requests";
import { createPerson } from "./create-person";
import { countWaitingApplications } from "./waiting-applications";
import { erasePerson } from "./erase-person";
import { exportPersonData } from "./export-person";
import { addMembership, runEndOfYearOn } from "./membership-service";
import { assignFunction, createCommittee, createFunction, endFunction } from "./committee-service";
import { linkPartnerByRef } from "./partner-link";
import { changeStatus, updateProfile } from "./person-service";
import { personPage } from "./person-page";
import { setPartner } from "./profile-settings";
import { listAddressTypes, listMembershipTypes } from "./reference-service";

/*
 * A people admin whose view rights are narrowed (a desk that sees members only) reads and changes, by id, only the
 * people the people list shows them: the admin person page answers "not found" for anyone else, and so does every
 * change of the page's forms, the person's export and the applicant and partner paths.
 */
let t: DemoDatabase;
let desk: number;
let status: Record<string, number>;
const noMailer = { send: async () => {} };

beforeAll(async () => {
  t = await createDemoDatabase();
  status = Object.fromEntries((await t.db.select().from(membershipStatuses)).map((s) => [s.key, s.id]));
  // The desk holds what a member holds (so containment lets them act on members) plus the people admin's rights,
  // and sees one group: members. Their own status (applicant) grants nothing.
  const memberRole = (await listRolesWithPermissions(t.db)).find((r) => r.key === "member")!;
  const role = await createRole(t.db, t.ids.admin, {
    name: "Member desk",
    permissions: [...new Set([...memberRole.permissions, "members.read", "members.write"]), viewRightKey("status", status.member!)],
  });
  if (!role.ok) throw new Error(role.message);
  desk = (await createPerson(t.db, { statusKey: "applicant", firstName: "Dana", lastName: "Desk", email: "desk@scope.test", password: "desk-password-1" }))
    .personId;
  expect(await grantPersonRole(t.db, t.ids.admin, desk, { roleId: role.roleId, since: "2020-01-01", until: null })).toEqual({ ok: true });
  const scope = await viewScopeOf(t.db, desk);
  expect(scope).toMatchObject({ all: false, statusIds: [status.member] });
});
afterAll(() => t?.close());

const viewerOf = async (personId: number) => ({
  personId,
  permissions: await permissionsOfPerson(t.db, personId),
  viewScope: await viewScopeOf(t.db, personId),
});
const notFound = { ok: false, code: "not_found" };

describe("a people admin with narrowed view rights", () => {
  it("sees the admin page of a person in their groups and of themselves, not of anyone else", async () => {
    const viewer = await viewerOf(desk);
    expect(viewer.permissions.has("members.read")).toBe(true);
    expect((await personPage(t.db, viewer, t.ids.member))?.record.person.id).toBe(t.ids.member);
    expect((await personPage(t.db, viewer, desk))?.record.person.id).toBe(desk);
    expect(await personPage(t.db, viewer, t.ids.applicant)).toBeNull();
    // A system admin sees every group.
    expect((await personPage(t.db, await viewerOf(t.ids.admin), t.ids.applicant))?.record.person.id).toBe(t.ids.applicant);
  });

  it("changes nobody outside their groups: every change answers not found and nothing is written", async () => {
    const outside = t.ids.applicant;
    const [before] = await t.db.select().from(profiles).where(eq(profiles.personId, outside));
    const [type] = await listAddressTypes(t.db);
    const [membershipType] = await listMembershipTypes(t.db);
    const profile = { firstName: "Changed", lastName: "Name", email: before!.email ?? "", preferredLanguage: "en" as const };

    expect(await updateProfile(t.db, desk, outside, profile)).toMatchObject(notFound);
    expect(await addAddress(t.db, desk, outside, { typeId: type!.id, street: "Outer 1", city: "Graz" })).toMatchObject(notFound);
    expect(await changeStatus(t.db, desk, outside, { statusId: status.member!, reason: "Moved in to see them" })).toMatchObject(notFound);
    expect(await approveApplicant(t.db, desk, outside)).toMatchObject(notFound);
    expect(
      await addMembership(t.db, desk, outside, { typeId: membershipType!.id, validFrom: "2026-01-01", validUntil: null, endsAtYearEnd: false }),
    ).toMatchObject(notFound);
    expect(await erasePerson(t.db, desk, outside, { reason: "Gone", confirmBanned: false })).toMatchObject(notFound);
    expect(await invitePerson(t.db, noMailer, desk, outside)).toMatchObject(notFound);
    expect(await revokeInvitation(t.db, desk, outside)).toMatchObject(notFound);
    expect(await exportPersonData(t.db, desk, outside)).toMatchObject(notFound);
    // A partner outside the groups: neither linked to someone the desk sees nor linked by their email.
    expect(await setPartner(t.db, desk, outside, t.ids.member)).toMatchObject(notFound);
    expect(await setPartner(t.db, desk, t.ids.member, outside)).toMatchObject(notFound);
    expect(await linkPartnerByRef(t.db, desk, t.ids.member, before!.email!, false)).toMatchObject({ ok: false, code: "not_found", field: "partner" });

    const [after] = await t.db.select().from(profiles).where(eq(profiles.personId, outside));
    expect(after).toEqual(before);
    expect((await t.db.select().from(people).where(eq(people.id, outside)))[0]).toMatchObject({ statusId: status.applicant, erasedAt: null });
    expect(await addressesOf(t.db, outside)).toEqual([]);
    expect(await t.db.select().from(memberships).where(eq(memberships.personId, outside))).toEqual([]);
  });

  it("changes a person in their groups as before", async () => {
    const [type] = await listAddressTypes(t.db);
    const [before] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.member));
    const profile = { firstName: "Mario", lastName: "Desk-edited", email: before!.email ?? "", preferredLanguage: "en" as const };
    expect(await updateProfile(t.db, desk, t.ids.member, profile)).toEqual({ ok: true });
    expect(await addAddress(t.db, desk, t.ids.member, { typeId: type!.id, street: "Inner 1", city: "Graz" })).toMatchObject({ ok: true });
    expect(await exportPersonData(t.db, desk, t.ids.member)).toMatchObject({ ok: true });
  });
});

describe("a desk with narrowed view rights inviting everyone without a login", () => {
  it("counts, invites and reports only the people of their groups", async () => {
    const newcomer = async (statusKey: string, email: string) =>
      (await createPerson(t.db, { statusKey, firstName: "New", lastName: statusKey, email })).personId;
    const inside = await newcomer("member", "inside@scope.test");
    const outside = await newcomer("applicant", "outside@scope.test");
    // The mail server is away: every invitation fails and the report names whom it was for.
    const mailedTo: string[] = [];
    const away = {
      send: async (m: { to: string }) => {
        mailedTo.push(m.to);
        throw new Error("away");
      },
    };

    const step = await inviteEveryoneWithoutLogin(t.db, away, desk, {}, 0, 1000);
    if (!step.ok) throw new Error(step.message);
    expect(step.report.failed.map((f) => f.personId)).toContain(inside);
    expect(step.report.failed.map((f) => f.personId)).not.toContain(outside);
    expect(mailedTo).toContain("inside@scope.test");
    expect(mailedTo).not.toContain("outside@scope.test");
    const members = new Set((await t.db.select({ id: people.id }).from(people).where(eq(people.statusId, status.member!))).map((p) => p.id));
    expect(step.report.failed.every((f) => members.has(f.personId))).toBe(true);

    const deskCount = await countWithoutLogin(t.db, {}, await viewScopeOf(t.db, desk));
    const adminCount = await countWithoutLogin(t.db, {}, await viewScopeOf(t.db, t.ids.admin));
    expect(deskCount.total).toBe(step.report.failed.length + step.report.skippedNoEmail + step.report.skippedPending + step.report.skippedAbove);
    expect(adminCount.total).toBeGreaterThan(deskCount.total);
  });
});

describe("the applicants page of a desk with narrowed view rights", () => {
  it("lists only the applications and login requests of people in their groups", async () => {
    const person = async (statusKey: string, email: string) =>
      (await createPerson(t.db, { statusKey, firstName: "Waiting", lastName: statusKey, email })).personId;
    const applicant = await person("applicant", "applied@scope.test");
    const memberAsking = await person("member", "member-asks@scope.test");
    const applicantAsking = await person("applicant", "applicant-asks@scope.test");
    const confirmed = { expiresAt: new Date(Date.now() + 86_400_000), confirmedAt: new Date() };
    await t.db.insert(applicantConfirmations).values([
      { personId: applicant, tokenHash: "scope-applied", ...confirmed },
      { personId: memberAsking, tokenHash: "scope-member-asks", loginEmail: "member-asks@scope.test", loginPasswordHash: "unused", ...confirmed },
      { personId: applicantAsking, tokenHash: "scope-applicant-asks", loginEmail: "applicant-asks@scope.test", loginPasswordHash: "unused", ...confirmed },
    ]);
    const deskScope = await viewScopeOf(t.db, desk);
    const adminScope = await viewScopeOf(t.db, t.ids.admin);

    expect((await listPendingApplicants(t.db, adminScope)).map((a) => a.personId)).toContain(applicant);
    expect((await listPendingApplicants(t.db, deskScope)).map((a) => a.personId)).not.toContain(applicant);
    expect((await listLoginRequests(t.db, adminScope)).map((r) => r.personId)).toEqual(expect.arrayContaining([memberAsking, applicantAsking]));
    expect((await listLoginRequests(t.db, deskScope)).map((r) => r.personId)).toEqual([memberAsking]);
    // The people list's link counts as the lists show: the desk learns nothing of those waiting outside its groups.
    expect(await countWaitingApplications(t.db, deskScope)).toBe((await listPendingApplicants(t.db, deskScope)).length + 1);
    expect(await countWaitingApplications(t.db, adminScope)).toBe(
      (await listPendingApplicants(t.db, adminScope)).length + (await listLoginRequests(t.db, adminScope)).length,
    );

    // Nor decides them: the application and the request outside the groups stay as they were.
    const outsideRequest = (await listLoginRequests(t.db, adminScope)).find((r) => r.personId === applicantAsking)!.requestId;
    expect(await rejectApplicant(t.db, desk, applicant, "Not for you")).toMatchObject(notFound);
    expect(await approveLoginRequest(t.db, desk, outsideRequest)).toMatchObject(notFound);
    expect(await rejectLoginRequest(t.db, desk, outsideRequest)).toMatchObject(notFound);
    expect((await listPendingApplicants(t.db, adminScope)).map((a) => a.personId)).toContain(applicant);
    expect((await listLoginRequests(t.db, adminScope)).map((r) => r.personId)).toContain(applicantAsking);
  });
});

describe("the admin person page's partner for a desk with narrowed view rights", () => {
  it("shows a partner outside their groups as #id, with no name, number or link", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.applicant)).toEqual({ ok: true });
    const outside = (await personPage(t.db, await viewerOf(desk), t.ids.member))!.partner;
    expect(outside).toMatchObject({ personId: t.ids.applicant, name: `#${t.ids.applicant}`, memberNumber: null, inScope: false });
    // A system admin sees every group: the partner's name and the link.
    const shown = (await personPage(t.db, await viewerOf(t.ids.admin), t.ids.member))!.partner;
    expect(shown).toMatchObject({ personId: t.ids.applicant, inScope: true });
    expect(shown!.name).not.toBe(`#${t.ids.applicant}`);
  });

  it("names a partner outside their groups only as that partner lets anyone see it, and still offers no change", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.applicant)).toEqual({ ok: true });
    const [own] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.applicant));
    const nameOf = `${own!.firstName} ${own!.lastName}`.trim();
    try {
      // A name shown to everyone is shown to the desk too (the namesShownTo rule); the partner stays out of reach.
      await t.db
        .update(profiles)
        .set({ visibility: { ...own!.visibility, name: "public" } })
        .where(eq(profiles.personId, t.ids.applicant));
      expect((await personPage(t.db, await viewerOf(desk), t.ids.member))!.partner).toMatchObject({
        personId: t.ids.applicant,
        name: nameOf,
        memberNumber: null,
        inScope: false,
      });
      // "Only the board" hides it from outside the groups again, public field or not.
      await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.ids.applicant));
      expect((await personPage(t.db, await viewerOf(desk), t.ids.member))!.partner).toMatchObject({ name: `#${t.ids.applicant}`, inScope: false });
      // What the page does not offer, the domain refuses: unlinking, sharing an address, linking someone else.
      expect(await setPartner(t.db, desk, t.ids.member, null)).toMatchObject(notFound);
    } finally {
      await t.db.update(profiles).set({ visibility: own!.visibility, boardOnly: own!.boardOnly }).where(eq(profiles.personId, t.ids.applicant));
    }
  });

  it("shows a partner in their groups by name, with number and link, and offers the changes", async () => {
    const partner = await createPerson(t.db, { statusKey: "member", firstName: "Pia", lastName: "Partner", email: "pia@scope.test" });
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, partner.personId));
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, partner.personId)).toEqual({ ok: true });
    // "Only the board" still shows the name to a people admin who sees the partner's group.
    expect((await personPage(t.db, await viewerOf(desk), t.ids.member))!.partner).toMatchObject({
      personId: partner.personId,
      name: "Pia Partner",
      inScope: true,
    });
    expect(await setPartner(t.db, desk, t.ids.member, null)).toEqual({ ok: true });
  });
});

describe("the year-end run by a desk with narrowed view rights", () => {
  it("ends the memberships of the people in their groups, skips the others, and reads the desk's rights once per run", async () => {
    const [type] = await listMembershipTypes(t.db);
    const due = async (statusKey: string, n: number) => {
      const { personId } = await createPerson(t.db, { statusKey, firstName: `Yearend${n}`, lastName: statusKey, email: `yearend${n}@scope.test` });
      const added = await addMembership(t.db, t.ids.admin, personId, { typeId: type!.id, validFrom: "2030-01-01", endsAtYearEnd: true });
      if (!added.ok) throw new Error(added.message);
      return personId;
    };
    const inside = [await due("member", 1), await due("member", 2), await due("member", 3)];
    const outside = [await due("applicant", 4), await due("applicant", 5)];
    const counted = countingDb(t.url);
    try {
      const run = await runEndOfYearOn(counted.db, desk, "2030-12-31");
      if (!run.ok) throw new Error(run.message);
      expect(run.moved).toEqual(expect.arrayContaining(inside));
      expect(run.skipped).toEqual(expect.arrayContaining(outside));
      expect(run.moved).not.toEqual(expect.arrayContaining([outside[0]]));
      // The desk's right keys: once for actorMay, once for the run (was once more per person, twice per person moved).
      const deskRights = counted.queries.filter((q, i) => q.includes("rp.permission_key") && counted.parameters[i]![0] === String(desk));
      expect(deskRights).toHaveLength(2);
    } finally {
      await counted.close();
    }
    const statusOf = async (id: number) => (await t.db.select({ s: people.statusId }).from(people).where(eq(people.id, id)))[0]!.s;
    for (const id of inside) expect(await statusOf(id)).toBe(status.former);
    for (const id of outside) expect(await statusOf(id)).toBe(status.applicant);
  });
});

describe("committee functions and a desk's view rights", () => {
  it("a desk hands out no function whose roles carry view rights beyond their own, to themselves or anyone", async () => {
    const wider = await createRole(t.db, t.ids.admin, { name: "Applicant viewer", permissions: [viewRightKey("status", status.applicant!)] });
    if (!wider.ok) throw new Error(wider.message);
    const own = await createRole(t.db, t.ids.admin, { name: "Member viewer", permissions: [viewRightKey("status", status.member!)] });
    if (!own.ok) throw new Error(own.message);
    const committee = await createCommittee(t.db, t.ids.admin, { name: "Scope committee", description: "" });
    if (!committee.ok) throw new Error(committee.message);
    const fnWith = async (name: string, roleId: number) => {
      const fn = await createFunction(t.db, t.ids.admin, { committeeId: committee.committeeId, name, roleIds: [roleId] });
      if (!fn.ok) throw new Error(fn.message);
      return fn.functionId;
    };
    const widening = await fnWith("Applicant scout", wider.roleId);
    const within = await fnWith("Member scout", own.roleId);
    const exceeds = { ok: false, code: "exceeds_own_view_rights" };
    expect(await assignFunction(t.db, desk, { functionId: widening, personId: desk, since: "2020-01-01" })).toMatchObject(exceeds);
    expect(await assignFunction(t.db, desk, { functionId: widening, personId: t.ids.member, since: "2020-01-01" })).toMatchObject(exceeds);
    expect(await viewScopeOf(t.db, desk)).toMatchObject({ all: false, statusIds: [status.member] });
    // Within the desk's own view rights, and by someone who sees every group.
    expect(await assignFunction(t.db, desk, { functionId: within, personId: t.ids.member, since: "2020-01-01" })).toMatchObject({ ok: true });
    expect(await assignFunction(t.db, t.ids.admin, { functionId: widening, personId: t.ids.member, since: "2020-01-01" })).toMatchObject({ ok: true });
  });

  it("a desk extends or reopens no holding whose function carries view rights beyond their own; it may still end one", async () => {
    const wider = await createRole(t.db, t.ids.admin, { name: "Former viewer", permissions: [viewRightKey("status", status.former!)] });
    if (!wider.ok) throw new Error(wider.message);
    const committee = await createCommittee(t.db, t.ids.admin, { name: "Past committee", description: "" });
    if (!committee.ok) throw new Error(committee.message);
    const fn = await createFunction(t.db, t.ids.admin, { committeeId: committee.committeeId, name: "Former scout", roleIds: [wider.roleId] });
    if (!fn.ok) throw new Error(fn.message);
    // The desk held it once, handed out by an admin who sees everyone; it ended in 2025.
    const held = async (personId: number, until: string | null) => {
      const r = await assignFunction(t.db, t.ids.admin, { functionId: fn.functionId, personId, since: "2020-01-01", until });
      if (!r.ok) throw new Error(r.message);
      return r.holderId;
    };
    const own = await held(desk, "2025-12-31");
    const members = await held(t.ids.member, "2025-12-31");
    const refused = { ok: false, code: expect.stringMatching(/^exceeds_own_/) };
    // "Ending" it in 2099 would give the desk back sight of former members: refused, the stored end stays.
    expect(await endFunction(t.db, desk, own, "2099-12-31")).toMatchObject(refused);
    expect(await endFunction(t.db, desk, members, "2026-01-01")).toMatchObject(refused);
    expect(await viewScopeOf(t.db, desk)).toMatchObject({ all: false, statusIds: [status.member] });
    const untilOf = async (id: number) => (await t.db.select({ u: functionHolders.until }).from(functionHolders).where(eq(functionHolders.id, id)))[0]!.u;
    expect(await untilOf(own)).toBe("2025-12-31");
    // Ending earlier, or on the same day, takes nothing beyond the desk's own; an admin who sees everyone may extend.
    expect(await endFunction(t.db, desk, members, "2025-12-31")).toMatchObject({ ok: true });
    expect(await endFunction(t.db, desk, members, "2024-06-30")).toMatchObject({ ok: true });
    expect(await endFunction(t.db, desk, await held(t.ids.member, null), "2030-01-01")).toMatchObject({ ok: true });
    expect(await endFunction(t.db, t.ids.admin, own, "2099-12-31")).toMatchObject({ ok: true });
    expect(await untilOf(own)).toBe("2099-12-31");
  });
});

describe("the year-end run when the desk itself is due", () => {
  it("weighs everyone against the desk's rights as the run starts, though it moves the desk too; a person due twice moves once", async () => {
    // A desk whose member permissions come from their status: moved to "former", they lose them mid-run.
    const role = await createRole(t.db, t.ids.admin, {
      name: "Status desk",
      permissions: ["members.read", "members.write", viewRightKey("status", status.member!)],
    });
    if (!role.ok) throw new Error(role.message);
    const [type] = await listMembershipTypes(t.db);
    const member = async (n: number) =>
      (await createPerson(t.db, { statusKey: "member", firstName: `Due${n}`, lastName: "Member", email: `due${n}@scope.test` })).personId;
    const dueDesk = await member(0);
    expect(await grantPersonRole(t.db, t.ids.admin, dueDesk, { roleId: role.roleId, since: "2020-01-01", until: null })).toEqual({ ok: true });
    const others = [await member(1), await member(2)];
    const twice = await member(3);
    const membershipIds: number[] = [];
    for (const [personId, validFrom] of [
      [dueDesk, "2031-01-01"],
      [others[0]!, "2031-01-01"],
      [twice, "2031-01-01"],
      [others[1]!, "2031-01-01"],
      [twice, "2031-06-01"],
    ] as const) {
      const added = await addMembership(t.db, t.ids.admin, personId, { typeId: type!.id, validFrom, endsAtYearEnd: true });
      if (!added.ok) throw new Error(added.message);
      membershipIds.push(added.membershipId);
    }
    const run = await runEndOfYearOn(t.db, dueDesk, "2031-12-31");
    if (!run.ok) throw new Error(run.message);
    // (People due from earlier tests may be in the run too.)
    const ours = [dueDesk, ...others, twice];
    expect(run.moved).toEqual(expect.arrayContaining(ours));
    expect(run.moved.filter((id) => id === twice)).toHaveLength(1);
    expect(run.skipped.filter((id) => ours.includes(id))).toEqual([]);
    const statusOf = async (id: number) => (await t.db.select({ s: people.statusId }).from(people).where(eq(people.id, id)))[0]!.s;
    for (const id of [dueDesk, ...others, twice]) expect(await statusOf(id)).toBe(status.former);
    const ends = await t.db.select({ until: memberships.validUntil }).from(memberships).where(inArray(memberships.id, membershipIds));
    expect(ends.map((m) => m.until)).toEqual(membershipIds.map(() => "2031-12-31"));
    // As "former" the desk no longer holds a member's permissions: the same run started now refuses the members.
    const next = await member(4);
    const later = await addMembership(t.db, t.ids.admin, next, { typeId: type!.id, validFrom: "2032-01-01", endsAtYearEnd: true });
    if (!later.ok) throw new Error(later.message);
    const again = await runEndOfYearOn(t.db, dueDesk, "2032-12-31");
    if (!again.ok) throw new Error(again.message);
    expect(again.skipped).toContain(next);
    expect(again.moved).not.toContain(next);
  });
});

describe("a desk's own status and their view rights", () => {
  it("a desk cannot move themselves to a status that shows them more groups, by any path; admitting others stays theirs", async () => {
    // The member status's role sees every group (directory.read brings each group's right); the desk sees members only.
    const refused = { ok: false, code: "exceeds_own_view_rights" };
    const scope = await viewScopeOf(t.db, desk);
    expect(scope.all).toBe(false);
    expect(await changeStatus(t.db, desk, desk, { statusId: status.member!, reason: "Promoting myself" })).toMatchObject(refused);
    expect(await approveApplicant(t.db, desk, desk)).toMatchObject(refused);
    expect((await t.db.select().from(people).where(eq(people.id, desk)))[0]).toMatchObject({ statusId: status.applicant });
    expect(await viewScopeOf(t.db, desk)).toEqual(scope);

    // The year end leaves the desk as they are when its target status would widen what they see.
    const [type] = await listMembershipTypes(t.db);
    const added = await addMembership(t.db, t.ids.admin, desk, { typeId: type!.id, validFrom: "2031-01-01", endsAtYearEnd: true });
    if (!added.ok) throw new Error(added.message);
    const carrying = await createRole(t.db, t.ids.admin, { name: "Sees applicants", permissions: [viewRightKey("status", status.applicant!)] });
    if (!carrying.ok) throw new Error(carrying.message);
    await t.db.insert(statusRoles).values({ statusId: status.former!, roleId: carrying.roleId });
    try {
      const run = await runEndOfYearOn(t.db, desk, "2031-12-31");
      if (!run.ok) throw new Error(run.message);
      expect(run.skipped).toContain(desk);
      expect(await viewScopeOf(t.db, desk)).toEqual(scope);
    } finally {
      await t.db.delete(statusRoles).where(eq(statusRoles.roleId, carrying.roleId));
    }

    // Admitting an applicant as a member is the desk's normal work: what the member status shows is the admin's
    // choice. (The desk is given applicants' view right to see the applicant; the member status still shows more.)
    const applicants = await createRole(t.db, t.ids.admin, { name: "Applicant desk", permissions: [viewRightKey("status", status.applicant!)] });
    if (!applicants.ok) throw new Error(applicants.message);
    expect(await grantPersonRole(t.db, t.ids.admin, desk, { roleId: applicants.roleId, since: "2020-01-01", until: null })).toEqual({ ok: true });
    const { personId: newcomer } = await createPerson(t.db, { statusKey: "applicant", firstName: "Nina", lastName: "Newcomer", email: "nina@scope.test" });
    expect(await approveApplicant(t.db, desk, newcomer)).toMatchObject({ ok: true });
    expect(await changeStatus(t.db, desk, desk, { statusId: status.member!, reason: "Promoting myself" })).toMatchObject(refused);
    // An admin who sees every group moves the desk too.
    expect(await changeStatus(t.db, t.ids.admin, desk, { statusId: status.member!, reason: "Admitted by the board" })).toMatchObject({ ok: true });
  });
});
