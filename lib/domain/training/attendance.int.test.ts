import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { equipmentAuthorizations, machines, membershipStatuses, people, profiles, trainingSignups } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { createPerson } from "../people/create-person";
import { grantAuthorization } from "../equipment/authorization-service";
import { addMonths } from "../machine-access/decide-machine-use";
import { decideCardOnMachine } from "../machine-access/machine-use-facts";
import { markAttendance, recordAttendance } from "./attendance-service";
import { listOpenRequestsForTrainer, requestTraining, withdrawRequest } from "./request-service";
import { scheduleSession } from "./session-service";
import { signUp } from "./signup-service";
import { getSessionDetail } from "./session-queries";
import { openSignupsOf } from "./training-state";
import { trainersOfTypes } from "../equipment/authority";
import { days, demoWorldWithInbox, hours } from "./testing/training-fixture";

const w = demoWorldWithInbox();
// The sessions below start in two or three days; attendance is recorded once they have started.
const started = days(4);

async function session(typeId: number, level: "user" | "owner" | "trainer" = "user", trainer = w.ids.trainer): Promise<number> {
  const startsAt = days(2);
  const r = await scheduleSession(w.t.db, trainer, { equipmentTypeId: typeId, level, startsAt, endsAt: hours(3, startsAt), capacity: 5 });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

async function signupId(personId: number, sessionId: number): Promise<number> {
  const r = await signUp(w.t.db, personId, sessionId);
  if (!r.ok) throw new Error(r.message);
  return r.signupId;
}

describe("a trainer's lists of people", () => {
  it("name requesters, participants and co-trainers only as each lets the trainer see; a hidden one is a number", async () => {
    const { personId: hanna } = await createPerson(w.t.db, { statusKey: "member", firstName: "Hanna", lastName: "Hidden" });
    const hide = (boardOnly: boolean) => w.t.db.update(profiles).set({ boardOnly }).where(eq(profiles.personId, hanna));
    const request = await requestTraining(w.t.db, hanna, { equipmentTypeId: w.types.laser });
    if (!request.ok) throw new Error(request.message);
    const s = await session(w.types.laser);
    await signupId(hanna, s);
    const trainer = await w.viewerOf(w.ids.trainer);
    const lists = async () => ({
      requests: (await listOpenRequestsForTrainer(w.t.db, trainer)).filter((r) => r.personId === hanna).map((r) => r.personName),
      participants: (await getSessionDetail(w.t.db, trainer, s))!.participants.map((p) => p.name),
    });
    try {
      expect(await lists()).toEqual({ requests: ["Hanna Hidden"], participants: ["Hanna Hidden"] });
      await hide(true); // "only the board" may see her name
      expect(await lists()).toEqual({ requests: [`#${hanna}`], participants: [`#${hanna}`] });
      const board = await w.viewerOf(w.ids.admin);
      expect((await getSessionDetail(w.t.db, board, s))!.participants.map((p) => p.name)).toEqual(["Hanna Hidden"]);
      // A trainer who hides their name is left out of the session's trainers and is a number among co-trainers.
      await w.t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, w.ids.trainer));
      const asHanna = await w.viewerOf(hanna);
      expect((await getSessionDetail(w.t.db, asHanna, s))!.trainers).toEqual([]);
      expect((await trainersOfTypes(w.t.db, asHanna, [w.types.laser])).map((x) => x.name)).toEqual([`#${w.ids.trainer}`]);
    } finally {
      await hide(false);
      await withdrawRequest(w.t.db, hanna, request.id); // the other tests count the open requests
      await w.t.db.update(profiles).set({ boardOnly: false }).where(eq(profiles.personId, w.ids.trainer));
    }
  });
});

describe("attendance", () => {
  it("passing grants the relationship at once, with the session as its source and the type's validity", async () => {
    const laserBoard = (await w.t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: laserBoard })).toEqual({ allowed: false, reason: "not_trained" });
    expect(await requestTraining(w.t.db, w.ids.maria, { equipmentTypeId: w.types.laser })).toMatchObject({ ok: true });
    expect((await listOpenRequestsForTrainer(w.t.db, await w.viewerOf(w.ids.trainer))).map((r) => r.personId)).toEqual([w.ids.maria]);

    const s = await session(w.types.laser);
    const signup = await signupId(w.ids.maria, s);
    expect(await markAttendance(w.t.db, w.ids.member, { signupId: signup, attendance: "passed" }, started)).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await markAttendance(w.t.db, w.ids.admin, { signupId: signup, attendance: "passed" }, started)).toMatchObject({ ok: false, code: "not_a_trainer" });

    const now = started;
    const passed = await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "passed" }, now);
    expect(passed).toMatchObject({ ok: true, personId: w.ids.maria }); // whose attendance: the answer names her
    const [auth] = await w.t.db
      .select()
      .from(equipmentAuthorizations)
      .where(eq(equipmentAuthorizations.id, passed.ok ? passed.authorizationId! : 0));
    expect(auth).toMatchObject({
      personId: w.ids.maria,
      equipmentTypeId: w.types.laser,
      level: "user",
      source: "training",
      trainingSessionId: s,
      grantedById: w.ids.trainer,
    });
    expect(auth!.expiresAt).toEqual(addMonths(now, 24));
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: laserBoard })).toEqual({ allowed: true, level: 1 });
    // Her request is fulfilled.
    expect(await listOpenRequestsForTrainer(w.t.db, await w.viewerOf(w.ids.trainer))).toEqual([]);
    // A pass is final; taking it back is a revocation.
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "failed" }, started)).toMatchObject({
      ok: false,
      code: "already_passed",
    });
  });

  it("failed and no-show grant nothing and may be corrected to passed", async () => {
    const s = await session(w.types.laser, "owner");
    const signup = await signupId(w.ids.member, s);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "no_show" }, started)).toEqual({
      ok: true,
      personId: w.ids.member,
      authorizationId: null,
    });
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "failed" }, started)).toEqual({
      ok: true,
      personId: w.ids.member,
      authorizationId: null,
    });
    const owners = await w.t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, w.ids.member));
    expect(owners.filter((a) => a.level === "owner")).toEqual([]);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "passed" }, started)).toMatchObject({ ok: true });
  });

  it("passing gives up the person's other seats and waitlist places of that type and level; the seats go to the waitlist, who are mailed", async () => {
    const [ida, jan, kim] = [await w.newMember("Ida"), await w.newMember("Jan"), await w.newMember("Kim")];
    expect(
      await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.trainer, equipmentTypeId: w.types.printer, level: "trainer", reason: "Prints" }),
    ).toMatchObject({ ok: true });
    const at = async (typeId: number, day: number, capacity: number) => {
      const startsAt = days(day);
      const r = await scheduleSession(w.t.db, w.ids.trainer, {
        equipmentTypeId: typeId,
        level: "user",
        startsAt,
        endsAt: hours(2, startsAt),
        capacity,
        room: "Workshop",
      });
      if (!r.ok) throw new Error(r.message);
      return r.id;
    };
    const [now, later, full, printer] = [
      await at(w.types.laser, 2, 5),
      await at(w.types.laser, 6, 1),
      await at(w.types.laser, 8, 1),
      await at(w.types.printer, 6, 5),
    ];
    const passing = await signupId(ida, now);
    const seat = await signupId(ida, later); // Ida holds the only seat; Jan waits for it
    const jansPlace = await signupId(jan, later);
    await signupId(kim, full);
    const waiting = await signupId(ida, full); // Ida waits behind Kim
    const otherType = await signupId(ida, printer);

    const passed = await recordAttendance(w.t.db, w.notifier, w.ids.trainer, { signupId: passing, attendance: "passed" }, started);
    expect(passed).toMatchObject({
      ok: true,
      released: [
        { session: { id: later }, promoted: [jan] },
        { session: { id: full }, promoted: [] },
      ],
    });
    const rows = await w.t.db
      .select()
      .from(trainingSignups)
      .where(inArray(trainingSignups.id, [seat, jansPlace, waiting, otherType]));
    const status = (id: number) => rows.find((r) => r.id === id)!.status;
    expect([status(seat), status(jansPlace), status(waiting), status(otherType)]).toEqual(["cancelled", "signed_up", "cancelled", "signed_up"]);
    expect(await openSignupsOf(w.t.db, ida, started)).toMatchObject([{ sessionId: printer }]);
    // Ida hears she passed, Jan that he has the seat; Kim, still first in the full session, hears nothing.
    expect(w.inbox.mails.filter((m) => m.to.includes("ida@test.local"))).toHaveLength(1);
    const jans = w.inbox.mails.filter((m) => m.to.includes("jan@test.local"));
    expect(jans).toHaveLength(1);
    expect(jans[0]!.text).toContain("Laser cutter");
    expect(w.inbox.mails.some((m) => m.to.includes("kim@test.local"))).toBe(false);
  });

  it("refuses attendance before the session has started, and its seat stays pending until then", async () => {
    const s = await session(w.types.laser, "owner");
    const signup = await signupId(w.ids.maria, s);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "passed" })).toMatchObject({ ok: false, code: "not_started" });
    expect((await openSignupsOf(w.t.db, w.ids.maria)).map((o) => o.sessionId)).toContain(s);
  });

  it("refuses the waitlist, unknown sign-ups and bad input", async () => {
    const startsAt = days(3);
    const r = await scheduleSession(w.t.db, w.ids.trainer, {
      equipmentTypeId: w.types.laser,
      level: "owner",
      startsAt,
      endsAt: hours(1, startsAt),
      capacity: 1,
    });
    if (!r.ok) throw new Error(r.message);
    const [first, second] = await Promise.all(
      ["Fia", "Gus"].map(async (name) => {
        const { personId } = await createPerson(w.t.db, { statusKey: "member", firstName: name });
        await grantAuthorization(w.t.db, w.ids.admin, { personId, equipmentTypeId: w.types.laser, level: "user", reason: "Knows lasers" });
        return personId;
      }),
    );
    await signupId(first!, r.id);
    const waiting = await signupId(second!, r.id);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: waiting, attendance: "passed" }, started)).toMatchObject({
      ok: false,
      code: "not_signed_up",
    });
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: 999_999, attendance: "passed" }, started)).toMatchObject({ ok: false, code: "not_found" });
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: waiting, attendance: "great" as "passed" }, started)).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });

  it("passing the organisation's induction makes an applicant a member with a member number", async () => {
    expect(
      await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.trainer, equipmentTypeId: w.types.org, level: "trainer", reason: "Runs inductions" }),
    ).toMatchObject({ ok: true });
    const s = await session(w.types.org);
    const signup = await signupId(w.ids.applicant, s);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "passed" }, started)).toMatchObject({ ok: true });
    const [row] = await w.t.db
      .select({ key: membershipStatuses.key, memberNumber: people.memberNumber, joinedOn: people.joinedOn })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(eq(people.id, w.ids.applicant));
    expect(row!.key).toBe("member");
    expect(row!.memberNumber).toBeGreaterThan(1000);
    expect(row!.joinedOn).toBeInstanceOf(Date);
    expect(await permissionsOfPerson(w.t.db, w.ids.applicant)).toContain("directory.read");
  });

  it("passing the system training makes an administrator, for the boards and the web alike", async () => {
    expect(
      await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.trainer, equipmentTypeId: w.types.system, level: "trainer", reason: "Trains admins" }),
    ).toMatchObject({ ok: true });
    expect(await permissionsOfPerson(w.t.db, w.ids.maria)).not.toContain("system.admin");
    const s = await session(w.types.system);
    const signup = await signupId(w.ids.maria, s);
    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: signup, attendance: "passed" }, started)).toMatchObject({ ok: true });
    expect(await permissionsOfPerson(w.t.db, w.ids.maria)).toContain("system.admin");
    expect(await permissionsOfPerson(w.t.db, w.ids.maria)).toContain("equipment.manage");
    const cnc = (await w.t.db.select().from(machines).where(eq(machines.boardId, 3)))[0]!.id;
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: cnc })).toEqual({ allowed: true, level: 3 });
  });
});
