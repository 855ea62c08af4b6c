import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingSessions, trainingSessionTrainers, trainingSignups } from "@/lib/db/schema";
import { nextTrainingOf } from "../community/member-widgets";
import { getMyEquipment } from "../equipment/my-equipment";
import { markAttendance } from "./attendance-service";
import { scheduleSession } from "./session-service";
import { signUp } from "./signup-service";
import { days, demoWorld, hours, type DemoWorld } from "./testing/training-fixture";
import { openSignupsOf } from "./training-state";

let w: DemoWorld;
beforeAll(async () => {
  w = await demoWorld();
});
afterAll(() => w?.t.close());

describe("a person's training state, from one source", () => {
  it("after passing, no page shows a seat for that level as pending: not my equipment, not the start page", async () => {
    // Maria holds a seat today (the session began an hour ago) and one next week, both for the laser's user level.
    const begun = hours(-1);
    const [today] = await w.t.db
      .insert(trainingSessions)
      .values({ equipmentTypeId: w.types.laser, level: "user", startsAt: begun, endsAt: hours(2, begun), capacity: 4 })
      .returning();
    await w.t.db.insert(trainingSessionTrainers).values({ sessionId: today!.id, personId: w.ids.trainer });
    const [seat] = await w.t.db.insert(trainingSignups).values({ sessionId: today!.id, personId: w.ids.maria, status: "signed_up" }).returning();
    const later = await scheduleSession(w.t.db, w.ids.trainer, {
      equipmentTypeId: w.types.laser,
      level: "user",
      startsAt: days(7),
      endsAt: hours(3, days(7)),
      capacity: 4,
    });
    if (!later.ok) throw new Error(later.message);
    expect(await signUp(w.t.db, w.ids.maria, later.id)).toMatchObject({ ok: true, status: "signed_up" });

    const laserOf = async () => (await getMyEquipment(w.t.db, w.ids.maria)).find((t) => t.id === w.types.laser)!;
    expect((await openSignupsOf(w.t.db, w.ids.maria)).map((o) => o.sessionId)).toEqual([later.id]);
    expect((await laserOf()).sessions.find((s) => s.id === later.id)?.mine).toBe("signed_up");
    expect(await nextTrainingOf(w.t.db, w.ids.maria)).toMatchObject({ id: later.id, status: "signed_up" });

    expect(await markAttendance(w.t.db, w.ids.trainer, { signupId: seat!.id, attendance: "passed" })).toMatchObject({ ok: true });

    expect(await openSignupsOf(w.t.db, w.ids.maria)).toEqual([]);
    const laser = await laserOf();
    expect(laser.levels.find((l) => l.level === "user")?.current).not.toBeNull();
    expect(laser.sessions.filter((s) => s.mine !== null)).toEqual([]);
    expect(await nextTrainingOf(w.t.db, w.ids.maria)).toBeNull();
  });
});
