import { formAnswersForThisFile } from "./form-answers.harness";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { machines, trainingSessions } from "@/lib/db/schema";
import { createThing } from "@/lib/domain/inventory/things";
import { scheduleSession } from "@/lib/domain/training/session-service";
import { signUp } from "@/lib/domain/training/signup-service";

/*
 * What the forms of machines, training, usage and things answer: a maintenance plan, attendance, a prerequisite, a
 * usage correction, a loan (harness: form-answers.harness.ts).
 */

const f = formAnswersForThisFile();

describe("the equipment's forms explain", () => {
  it("a maintenance plan: every refused field named by its label, all at once, what was typed kept", async () => {
    const [machine] = await f.t.db.select({ id: machines.id }).from(machines).limit(1);
    const answer = await f.call("app/(admin)/admin/equipment/machines/[id]/operations/plan-actions.ts#addPlanAction", {
      machineId: String(machine!.id),
      everyHours: "0",
      lcdText: "Clean the lens and the mirrors",
      description: "",
      instructionsUrl: "not a link",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Please check the marked fields: Every (hours), Display text, Instructions (link).",
      fieldErrors: {
        everyHours: "Every (hours): at least 1, please.",
        lcdText: "Display text: at most 16 characters, please.",
        instructionsUrl: "Instructions (link): this is not in the expected form.",
      },
      values: { lcdText: "Clean the lens and the mirrors", instructionsUrl: "not a link" },
    });
    const saved = await f.call("app/(admin)/admin/equipment/machines/[id]/operations/plan-actions.ts#addPlanAction", {
      machineId: String(machine!.id),
      everyHours: "50",
      lcdText: "Clean lens",
      description: "",
      instructionsUrl: "",
    });
    expect(saved).toEqual({ ok: true, message: "Plan saved." });
  });

  it("attendance saved: the answer names whose attendance and what was recorded", async () => {
    const [trainer, maria] = [await f.personIdOf("trainer@makerspace.local"), await f.personIdOf("maria@makerspace.local")];
    const [laser] = await f.t.db.select().from(machines).where(eq(machines.boardId, 1));
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const scheduled = await scheduleSession(f.t.db, trainer, {
      equipmentTypeId: laser!.equipmentTypeId!,
      level: "user",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      capacity: 5,
    });
    if (!scheduled.ok) throw new Error(scheduled.message);
    const signup = await signUp(f.t.db, maria, scheduled.id);
    if (!signup.ok) throw new Error(signup.message);
    // The session has begun (attendance is recorded once it has).
    await f.t.db
      .update(trainingSessions)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(trainingSessions.id, scheduled.id));
    const answer = await f.as(trainer, () =>
      f.call("app/(member)/training/actions.ts#markAttendanceAction", { signupId: String(signup.signupId), attendance: "no_show" }),
    );
    expect(answer).toMatchObject({ ok: true, message: expect.stringMatching(/^Attendance of Maria\b.* saved: no-show\.$/) });
  });

  it("attendance without a choice names the field; a training requiring itself says so beside the level", async () => {
    const attendance = await f.call("app/(member)/training/actions.ts#markAttendanceAction", { signupId: "1" });
    expect(attendance).toMatchObject({ ok: false, fieldErrors: { attendance: "Attendance: please choose one of the options." } });
    const [type] = await f.t.db.query.equipmentTypes.findMany({ limit: 1 });
    const itself = await f.call("app/(admin)/admin/equipment/types/actions.ts#addPrerequisiteAction", {
      equipmentTypeId: String(type!.id),
      level: "user",
      requiresEquipmentTypeId: String(type!.id),
      requiresLevel: "user",
    });
    expect(itself).toMatchObject({
      ok: false,
      code: "requires_itself",
      fieldErrors: { requiresLevel: "A training cannot require itself: choose another type or level." },
    });
  });

  it("a usage correction: a too short reason and too many minutes named by their labels at once (the domain's rules)", async () => {
    const answer = await f.call("app/(admin)/admin/usage/actions.ts#correctSessionAction", {
      sessionId: "1",
      startedAt: new Date().toISOString(),
      minutes: "99999",
      reason: "x",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { minutes: expect.stringMatching(/^Minutes.*: at most 10080, please\.$/), reason: "Reason: at least 3 characters, please." },
    });
  });

  it("remote start and stop: a card UID that is not one says what one is, beside the field; none for a start asks which card", async () => {
    const [machine] = await f.t.db.select({ id: machines.id }).from(machines).limit(1);
    const remote = "app/(admin)/admin/equipment/machines/[id]/operations/actions.ts#remoteCommandAction";
    const malformed = "Card UID of the person to log in: 8 hexadecimal digits (0-9, a-f), like 0a1b2c3d.";
    for (const kind of ["start", "stop"])
      expect(await f.call(remote, { machineId: String(machine!.id), kind, uid: "0a1b-2c3d" })).toMatchObject({
        ok: false,
        code: "malformed_uid",
        message: malformed,
        fieldErrors: { uid: malformed },
        values: { uid: "0a1b-2c3d" },
      });
    const missing = "Card UID of the person to log in: which card should be logged in? Its UID has 8 hexadecimal digits, like 0a1b2c3d.";
    expect(await f.call(remote, { machineId: String(machine!.id), kind: "start", uid: "" })).toMatchObject({
      ok: false,
      code: "uid_required",
      fieldErrors: { uid: missing },
    });
    // A well-formed card goes on to the machine's state (the demo machine's board is not online here).
    expect(await f.call(remote, { machineId: String(machine!.id), kind: "start", uid: "0A1B2C3D" })).toMatchObject({ ok: false, code: "offline" });
  });

  it("a loan due in the past is refused beside “Due back on”", async () => {
    const created = await createThing(f.t.db, f.admin, { name: "Cordless drill", ownership: "owned" });
    if (!created.ok) throw new Error(created.message);
    const maria = await f.personIdOf("maria@makerspace.local");
    const answer = await f.call(
      "app/(member)/things/actions.ts#lendThingAction",
      { borrowerPersonId: `person:${maria}`, dueAt: "2001-01-01", note: "" },
      created.id,
    );
    expect(answer).toMatchObject({
      ok: false,
      code: "due_in_past",
      message: "Due back on: the day must be today or later.",
      fieldErrors: { dueAt: "Due back on: the day must be today or later." },
    });
  });
});
