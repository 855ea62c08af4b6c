import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingSignups } from "@/lib/db/schema";
import { trainersOfTypes } from "../equipment/authority";
import { grantAuthorization } from "../equipment/authorization-service";
import { addPrerequisite } from "./prerequisites";
import { listUpcomingSessions } from "./session-queries";
import { cancelSession, scheduleSession } from "./session-service";
import { cancelSignup, signUp } from "./signup-service";
import { days, demoWorldWithInbox, hours } from "./testing/training-fixture";

const w = demoWorldWithInbox();

async function laserSession(over: { capacity?: number; level?: "user" | "owner" | "trainer"; startsAt?: Date; now?: Date } = {}): Promise<number> {
  const startsAt = over.startsAt ?? days(7);
  const result = await scheduleSession(
    w.t.db,
    w.ids.trainer,
    { equipmentTypeId: w.types.laser, level: over.level ?? "user", startsAt, endsAt: hours(2, startsAt), room: "Workshop", capacity: over.capacity ?? 4 },
    over.now,
  );
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe("scheduling", () => {
  it("lets a trainer of the type schedule, and refuses others and the past", async () => {
    expect(await laserSession()).toBeGreaterThan(0);
    const input = { equipmentTypeId: w.types.laser, level: "user" as const, startsAt: days(3), endsAt: hours(2, days(3)), capacity: 3 };
    expect(await scheduleSession(w.t.db, w.ids.member, input)).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await scheduleSession(w.t.db, w.ids.admin, input)).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await scheduleSession(w.t.db, w.ids.trainer, { ...input, equipmentTypeId: w.types.cnc })).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await scheduleSession(w.t.db, w.ids.trainer, { ...input, startsAt: days(-1), endsAt: hours(1, days(-1)) })).toMatchObject({
      ok: false,
      code: "starts_in_past",
    });
    expect(await scheduleSession(w.t.db, w.ids.trainer, { ...input, endsAt: input.startsAt })).toMatchObject({ ok: false, code: "invalid" });
    expect(await scheduleSession(w.t.db, w.ids.trainer, { ...input, coTrainerIds: [w.ids.maria] })).toMatchObject({
      ok: false,
      code: "co_trainer_not_a_trainer",
    });
  });
});

describe("signing up", () => {
  it("gives a seat, refuses a second sign-up, the untrained status and people already authorized", async () => {
    const session = await laserSession();
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: true, status: "signed_up" });
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: false, code: "already_signed_up" });
    expect(await signUp(w.t.db, w.ids.applicant, session)).toMatchObject({ ok: false, code: "status_forbids" });
    expect(await signUp(w.t.db, w.ids.member, session)).toMatchObject({ ok: false, code: "already_authorized" });
    expect(await signUp(w.t.db, w.ids.maria, 999_999)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a session that has started", async () => {
    const longAgo = days(-30);
    const session = await laserSession({ startsAt: days(-2), now: longAgo });
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: false, code: "session_past" });
  });

  it("checks prerequisites: user of Laser before owner of Laser", async () => {
    expect(
      await addPrerequisite(w.t.db, w.ids.member, {
        equipmentTypeId: w.types.laser,
        level: "owner",
        requiresEquipmentTypeId: w.types.laser,
        requiresLevel: "user",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    // The demo data has it already.
    expect(
      await addPrerequisite(w.t.db, w.ids.admin, {
        equipmentTypeId: w.types.laser,
        level: "owner",
        requiresEquipmentTypeId: w.types.laser,
        requiresLevel: "user",
      }),
    ).toMatchObject({ ok: false, code: "exists" });
    expect(
      await addPrerequisite(w.t.db, w.ids.admin, {
        equipmentTypeId: w.types.laser,
        level: "user",
        requiresEquipmentTypeId: w.types.laser,
        requiresLevel: "user",
      }),
    ).toMatchObject({ ok: false, code: "requires_itself" });
    const session = await laserSession({ level: "owner" });
    const refused = await signUp(w.t.db, w.ids.maria, session);
    expect(refused).toMatchObject({ ok: false, code: "missing_prerequisites", missing: [{ typeName: "Laser cutter", level: "user" }] });
    expect(await signUp(w.t.db, w.ids.member, session)).toMatchObject({ ok: true, status: "signed_up" });
  });

  it("puts people on the waitlist when full and moves the first one up on a cancellation, with a mail over SMTP", async () => {
    const session = await laserSession({ capacity: 1 });
    const [anna, ben] = [await w.newMember("Anna"), await w.newMember("Ben")];
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: true, status: "signed_up" });
    expect(await signUp(w.t.db, anna, session)).toMatchObject({ ok: true, status: "waitlisted" });
    expect(await signUp(w.t.db, ben, session)).toMatchObject({ ok: true, status: "waitlisted" });

    expect(await cancelSignup(w.t.db, w.notifier, anna, { sessionId: session, personId: w.ids.maria })).toMatchObject({ ok: false, code: "not_yours" });
    const cancelled = await cancelSignup(w.t.db, w.notifier, w.ids.maria, { sessionId: session });
    expect(cancelled).toEqual({ ok: true, promoted: [{ personId: anna, mailed: true }] });
    expect(await cancelSignup(w.t.db, w.notifier, w.ids.maria, { sessionId: session })).toMatchObject({ ok: false, code: "already_cancelled" });

    const rows = await w.t.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, session));
    const statusOf = (p: number) => rows.filter((r) => r.personId === p).map((r) => r.status);
    expect(statusOf(w.ids.maria)).toEqual(["cancelled"]);
    expect(statusOf(anna)).toEqual(["signed_up"]);
    expect(statusOf(ben)).toEqual(["waitlisted"]);
    const mail = w.inbox.mails.find((m) => m.to.includes("anna@test.local"));
    expect(mail?.text).toContain("Laser cutter");
    expect(mail?.text).toContain("Workshop");

    // A waitlisted person leaving frees no seat and promotes nobody; signing up again after cancelling works.
    expect(await cancelSignup(w.t.db, w.notifier, ben, { sessionId: session })).toEqual({ ok: true, promoted: [] });
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: true, status: "waitlisted" });
  });

  it("never overbooks the last seat under concurrent sign-ups", async () => {
    const session = await laserSession({ capacity: 2 });
    const people = await Promise.all(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"].map((name) => w.newMember(name)));
    const results = await Promise.all(people.map((p) => signUp(w.t.db, p, session)));
    expect(results.every((r) => r.ok)).toBe(true);
    const seats = await w.t.db
      .select()
      .from(trainingSignups)
      .where(and(eq(trainingSignups.sessionId, session), eq(trainingSignups.status, "signed_up")));
    expect(seats).toHaveLength(2);
    expect(results.filter((r) => r.ok && r.status === "waitlisted")).toHaveLength(6);
  });

  it("accepts exactly one of two concurrent sign-ups by the same person", async () => {
    const session = await laserSession();
    const results = await Promise.all([signUp(w.t.db, w.ids.maria, session), signUp(w.t.db, w.ids.maria, session), signUp(w.t.db, w.ids.maria, session)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["already_signed_up", "already_signed_up"]);
  });

  it("lets a trainer name other trainers of the type as co-trainers", async () => {
    expect(
      await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.member, equipmentTypeId: w.types.laser, level: "trainer", reason: "Experienced" }),
    ).toMatchObject({ ok: true });
    expect((await trainersOfTypes(w.t.db, await w.viewerOf(w.ids.trainer), [w.types.laser])).map((x) => x.name)).toEqual(["Mario Rossi", "Tom Trainer"]);
    const startsAt = days(9);
    const r = await scheduleSession(w.t.db, w.ids.trainer, {
      equipmentTypeId: w.types.laser,
      level: "user",
      startsAt,
      endsAt: hours(2, startsAt),
      capacity: 2,
      coTrainerIds: [w.ids.member],
    });
    expect(r.ok).toBe(true);
    const [summary] = (await listUpcomingSessions(w.t.db, await w.viewerOf(w.ids.member))).filter((x) => r.ok && x.id === r.id);
    expect(summary!.trainers.map((x) => x.name).sort()).toEqual(["Mario Rossi", "Tom Trainer"]);
  });

  it("cancelling a session mails everyone on it and closes it to sign-ups", async () => {
    const session = await laserSession({ capacity: 1 });
    const [dora, emil] = [await w.newMember("Dora"), await w.newMember("Emil")];
    await signUp(w.t.db, dora, session);
    expect(await signUp(w.t.db, emil, session)).toMatchObject({ ok: true, status: "waitlisted" });
    expect(await cancelSession(w.t.db, w.notifier, w.ids.maria, session)).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await cancelSession(w.t.db, w.notifier, w.ids.trainer, session)).toEqual({ ok: true, notified: 2, notMailed: 0 });
    expect(await cancelSession(w.t.db, w.notifier, w.ids.trainer, session)).toMatchObject({ ok: false, code: "already_cancelled" });
    for (const to of ["dora@test.local", "emil@test.local"]) {
      expect(w.inbox.mails.find((m) => m.to.includes(to))?.text).toContain("Cancelled: Laser cutter training");
    }
    expect(await signUp(w.t.db, w.ids.maria, session)).toMatchObject({ ok: false, code: "session_cancelled" });
    // Nobody moves up in a cancelled session.
    expect(await cancelSignup(w.t.db, w.notifier, dora, { sessionId: session })).toEqual({ ok: true, promoted: [] });
  });
});
