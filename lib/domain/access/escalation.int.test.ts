import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accounts,
  committees,
  equipmentAuthorizations,
  functionHolders,
  people,
  personRoles,
  trainingSessions,
  trainingSignups,
  trainingSessionTrainers,
} from "@/lib/db/schema";
import { registerCard } from "../cards/card-service";
import { grantAuthorization, revokeAuthorization } from "../equipment/authorization-service";
import { createEquipmentType, updateEquipmentType } from "../equipment/equipment-type-service";
import { approveApplicant } from "../people/applicant-signup";
import { updateFunction } from "../people/committee-admin";
import { assignFunction, createFunction, endFunction } from "../people/committee-service";
import { erasePerson } from "../people/erase-person";
import { commitImport } from "../people/import-people";
import { addMembership, setEndsAtYearEnd } from "../people/membership-service";
import { changeStatus, createPersonRecord, updateProfile } from "../people/person-service";
import { setPartner } from "../people/profile-settings";
import { setStatusRoles } from "../people/reference-delete";
import { markAttendance } from "../training/attendance-service";
import { permissionsOfPerson } from "./person-permissions";
import { setPersonRoles } from "./person-roles";
import { createEscalationFixture, type EscalationFixture } from "./testing/escalation-fixture";

let t: EscalationFixture;
beforeAll(async () => {
  t = await createEscalationFixture();
});
afterAll(() => t?.close());

const today = new Date().toISOString().slice(0, 10);
const exceeds = { ok: false, code: "exceeds_own_permissions" };
const outranks = { ok: false, code: "outranks_you" };
let fresh = 0;
/** A plain member nobody gave anything to: the control case a staff member may change. */
async function freshMember(): Promise<number> {
  const r = await createPersonRecord(t.db, t.ids.admin, {
    statusId: t.status.member!,
    profile: { firstName: `Plain${++fresh}`, email: `plain${fresh}@example.org` },
  });
  if (!r.ok) throw new Error(r.message);
  return r.personId;
}
const isAdmin = async (personId: number) => (await permissionsOfPerson(t.db, personId)).has("system.admin");

describe("committee function", () => {
  it("staff cannot take up (or hand out) a function whose roles include admin", async () => {
    expect(await assignFunction(t.db, t.actors.staff, { functionId: t.chairFunction, personId: t.actors.staff, since: today })).toMatchObject(exceeds);
    expect(await assignFunction(t.db, t.actors.staff, { functionId: t.chairFunction, personId: t.ids.member, since: today })).toMatchObject(exceeds);
    expect(await t.db.select().from(functionHolders)).toHaveLength(0);
    expect(await isAdmin(t.actors.staff)).toBe(false);
  });

  it("a partial system admin cannot attach roles beyond their own to a function, nor take the admin role off one", async () => {
    const [committee] = await t.db.select().from(committees);
    expect(await createFunction(t.db, t.actors.sysop, { committeeId: committee!.id, name: "Treasurer", roleIds: [t.roles.admin] })).toMatchObject(exceeds);
    expect(await updateFunction(t.db, t.actors.sysop, t.chairFunction, { name: "Chair", roleIds: [] })).toMatchObject(exceeds);
    expect(await createFunction(t.db, t.actors.sysop, { committeeId: committee!.id, name: "Secretary", roleIds: [t.roles.sysop] })).toMatchObject({ ok: true });
  });

  it("nobody ends the function of someone above them; the admin may", async () => {
    const held = await assignFunction(t.db, t.ids.admin, { functionId: t.chairFunction, personId: t.ids.maria, since: today });
    expect(held).toMatchObject({ ok: true });
    if (!held.ok) return;
    expect(await endFunction(t.db, t.actors.staff, held.holderId, today)).toMatchObject(outranks);
    expect(await endFunction(t.db, t.ids.admin, held.holderId, today)).toMatchObject({ ok: true });
  });
});

describe("membership status", () => {
  it("staff cannot move themselves or anyone into a status that grants admin, nor create or import people with it", async () => {
    expect(await changeStatus(t.db, t.actors.staff, t.actors.staff, { statusId: t.boardStatus, reason: "promotion" })).toMatchObject(exceeds);
    expect(await changeStatus(t.db, t.actors.staff, t.ids.member, { statusId: t.boardStatus, reason: "promotion" })).toMatchObject(exceeds);
    expect(
      await createPersonRecord(t.db, t.actors.staff, { statusId: t.boardStatus, profile: { firstName: "Sock", email: "sock@example.org" } }),
    ).toMatchObject(exceeds);
    expect(await commitImport(t.db, t.actors.staff, "firstName,email,status\nPuppet,puppet@example.org,board\n")).toMatchObject(exceeds);
    expect(await t.db.select().from(people).where(eq(people.statusId, t.boardStatus))).toHaveLength(0);
    expect(await isAdmin(t.actors.staff)).toBe(false);
  });

  it("an applicant cannot be approved into a status granting more than the approver holds", async () => {
    expect(await approveApplicant(t.db, t.actors.staff, t.ids.applicant, "board")).toMatchObject(exceeds);
  });

  it("a partial system admin cannot make a status grant more than they hold, nor shrink one that does", async () => {
    expect(await setStatusRoles(t.db, t.actors.sysop, t.status.member!, [t.roles.member, t.roles.admin])).toMatchObject(exceeds);
    expect(await setStatusRoles(t.db, t.actors.sysop, t.boardStatus, [])).toMatchObject(exceeds);
    expect(await setStatusRoles(t.db, t.ids.admin, t.status.supporting!, [t.roles.member, t.roles.trainer])).toMatchObject({ ok: true });
  });
});

describe("status change and ban", () => {
  it("staff cannot ban the admin nor make them former; a plain member can be banned", async () => {
    expect(await changeStatus(t.db, t.actors.staff, t.ids.admin, { statusId: t.status.banned!, reason: "takeover" })).toMatchObject(outranks);
    expect(await changeStatus(t.db, t.actors.staff, t.ids.admin, { statusId: t.status.former!, reason: "takeover" })).toMatchObject(outranks);
    const [admin] = await t.db.select().from(people).where(eq(people.id, t.ids.admin));
    expect(admin!.statusId).toBe(t.status.member);
    expect(await changeStatus(t.db, t.actors.staff, await freshMember(), { statusId: t.status.banned!, reason: "broke the rules" })).toMatchObject({
      ok: true,
    });
  });

  it("staff cannot end the admin's membership at year end", async () => {
    const added = await addMembership(t.db, t.ids.admin, t.ids.admin, { typeId: 1, validFrom: today });
    expect(added).toMatchObject({ ok: true });
    if (!added.ok) return;
    expect(await setEndsAtYearEnd(t.db, t.actors.staff, added.membershipId, true)).toMatchObject(outranks);
    expect(await addMembership(t.db, t.actors.staff, t.ids.admin, { typeId: 1, validFrom: today })).toMatchObject(outranks);
  });
});

describe("direct role", () => {
  it("a partial system admin cannot give themselves or others the admin role, nor take it from the admin", async () => {
    expect(await setPersonRoles(t.db, t.actors.sysop, t.actors.sysop, [t.roles.sysop, t.roles.admin])).toMatchObject(exceeds);
    expect(await setPersonRoles(t.db, t.actors.sysop, t.ids.member, [t.roles.admin])).toMatchObject(exceeds);
    expect(await setPersonRoles(t.db, t.actors.sysop, t.ids.admin, [])).toMatchObject(outranks);
    expect(await isAdmin(t.ids.admin)).toBe(true);
    expect(await t.db.select().from(personRoles).where(eq(personRoles.personId, t.ids.member))).toHaveLength(0);
  });

  it("staff may not set roles at all; the admin may, within their own", async () => {
    expect(await setPersonRoles(t.db, t.actors.staff, t.actors.staff, [t.roles.admin])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPersonRoles(t.db, t.ids.admin, t.ids.member, [t.roles.trainer])).toEqual({ ok: true });
    expect((await permissionsOfPerson(t.db, t.ids.member)).has("training.run")).toBe(true);
  });
});

describe("system-type training", () => {
  it("equipment.manage alone never grants the system type, to others or to oneself", async () => {
    const grant = (personId: number) =>
      grantAuthorization(t.db, t.actors.eqmgr, { personId, equipmentTypeId: t.types.system, level: "user", reason: "needs access" });
    expect(await grant(t.actors.eqmgr)).toMatchObject(exceeds);
    expect(await grant(t.ids.maria)).toMatchObject(exceeds);
    expect(await isAdmin(t.actors.eqmgr)).toBe(false);
    expect(
      await grantAuthorization(t.db, t.actors.eqmgr, { personId: t.ids.maria, equipmentTypeId: t.types.laser, level: "user", reason: "trained offline" }),
    ).toMatchObject({ ok: true });
  });

  it("equipment.manage cannot turn a type into the system type (its trainees would become admins), nor create one", async () => {
    const own = await createEquipmentType(t.db, t.actors.eqmgr, { name: "Soldering station" });
    expect(own).toMatchObject({ ok: true });
    if (!own.ok) return;
    await grantAuthorization(t.db, t.actors.eqmgr, { personId: t.actors.eqmgr, equipmentTypeId: own.id, level: "user", reason: "self" });
    expect(await updateEquipmentType(t.db, t.actors.eqmgr, own.id, { name: "Soldering station", purpose: "system" })).toMatchObject(exceeds);
    expect(await createEquipmentType(t.db, t.actors.eqmgr, { name: "Root", purpose: "system" })).toMatchObject(exceeds);
    expect(await updateEquipmentType(t.db, t.actors.eqmgr, t.types.system, { name: "System administration", purpose: "equipment" })).toMatchObject(exceeds);
    expect(await isAdmin(t.actors.eqmgr)).toBe(false);
  });

  it("equipment.manage cannot revoke the admin's system authorization", async () => {
    const [auth] = await t.db
      .select()
      .from(equipmentAuthorizations)
      .where(and(eq(equipmentAuthorizations.personId, t.ids.admin), eq(equipmentAuthorizations.equipmentTypeId, t.types.system)));
    expect(await revokeAuthorization(t.db, t.actors.eqmgr, { authorizationId: auth!.id, reason: "takeover" })).toMatchObject(exceeds);
  });

  it("a trainer cannot pass someone in a training that grants more than the trainer holds", async () => {
    // The organisation's induction admits members; here the member status grants staff, which the trainer lacks.
    await setStatusRoles(t.db, t.ids.admin, t.status.member!, [t.roles.member, t.roles.staff]);
    await t.db
      .insert(equipmentAuthorizations)
      .values({ personId: t.ids.trainer, equipmentTypeId: t.types.org, level: "trainer", source: "grant", reason: "test" });
    await t.db.delete(personRoles).where(and(eq(personRoles.personId, t.ids.trainer)));
    await changeStatus(t.db, t.ids.admin, t.ids.trainer, { statusId: t.status.supporting!, reason: "test" });
    const start = new Date(Date.now() - 3 * 3600_000);
    const [session] = await t.db
      .insert(trainingSessions)
      .values({ equipmentTypeId: t.types.org, level: "user", startsAt: start, endsAt: new Date(start.getTime() + 3600_000), capacity: 5 })
      .returning();
    await t.db.insert(trainingSessionTrainers).values({ sessionId: session!.id, personId: t.ids.trainer });
    const [signup] = await t.db.insert(trainingSignups).values({ sessionId: session!.id, personId: t.ids.applicant, status: "signed_up" }).returning();
    expect(await markAttendance(t.db, t.ids.trainer, { signupId: signup!.id, attendance: "passed" })).toMatchObject(exceeds);
    const [applicant] = await t.db.select().from(people).where(eq(people.id, t.ids.applicant));
    expect(applicant!.statusId).toBe(t.status.applicant);
    await setStatusRoles(t.db, t.ids.admin, t.status.member!, [t.roles.member]);
    expect(await markAttendance(t.db, t.ids.trainer, { signupId: signup!.id, attendance: "passed" })).toMatchObject({ ok: true });
  });
});

describe("changing a person above oneself", () => {
  it("staff cannot edit the admin's profile, photo visibility or partner link", async () => {
    expect(await updateProfile(t.db, t.actors.staff, t.ids.admin, { firstName: "Ada", lastName: "Admin", email: "evil@example.org" })).toMatchObject(outranks);
    expect(await setPartner(t.db, t.actors.staff, t.actors.staff, t.ids.admin, true)).toMatchObject(outranks);
    expect(await setPartner(t.db, t.actors.staff, t.ids.admin, t.actors.staff, true)).toMatchObject(outranks);
  });

  it("staff cannot register a card (their own, say) for the admin", async () => {
    expect(await registerCard(t.db, t.actors.staff, { personId: t.ids.admin, uid: "abcdef01" })).toMatchObject(outranks);
    expect(await registerCard(t.db, t.actors.staff, { personId: await freshMember(), uid: "abcdef02" })).toMatchObject({ ok: true });
  });

  it("staff cannot erase the admin; the login stays", async () => {
    expect(await erasePerson(t.db, t.actors.staff, t.ids.admin, { reason: "takeover" })).toMatchObject(outranks);
    expect(await t.db.select().from(accounts).where(eq(accounts.personId, t.ids.admin))).toHaveLength(1);
    expect(await erasePerson(t.db, t.actors.staff, await freshMember(), { reason: "asked" })).toEqual({ ok: true });
  });
});
