import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, equipmentAuthorizations, machines, profiles } from "@/lib/db/schema";
import { scheduleSession } from "../training/session-service";
import { days, demoWorldWithInbox, hours } from "../training/testing/training-fixture";
import { grantAuthorization, listAuthorizationsOfPerson, revokeAuthorization } from "./authorization-service";
import { addMonths } from "../machine-access/decide-machine-use";
import { sendExpiryReminders } from "./expiry-reminders";
import { decideCardOnMachine } from "../machine-access/machine-use-facts";
import { getMyEquipment } from "./my-equipment";

const w = demoWorldWithInbox();
let cncMachine: number;
const firstGrantAt = days(-30);
beforeAll(async () => {
  cncMachine = (await w.t.db.select().from(machines).where(eq(machines.boardId, 3)))[0]!.id;
});

describe("direct grants and revocations", () => {
  it("only equipment managers grant, with a reason; the expiry follows the type's validity", async () => {
    const input = { personId: w.ids.maria, equipmentTypeId: w.types.cnc, level: "user" as const, reason: "Trained elsewhere" };
    expect(await grantAuthorization(w.t.db, w.ids.trainer, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await grantAuthorization(w.t.db, w.ids.admin, { ...input, reason: " " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await grantAuthorization(w.t.db, w.ids.admin, { ...input, personId: 999_999 })).toMatchObject({ ok: false, code: "unknown_person" });
    const now = firstGrantAt;
    const granted = await grantAuthorization(w.t.db, w.ids.admin, input, now);
    expect(granted).toMatchObject({ ok: true });
    const [row] = await listAuthorizationsOfPerson(w.t.db, w.ids.maria, w.types.cnc);
    expect(row).toMatchObject({ source: "grant", reason: "Trained elsewhere", grantedById: w.ids.admin, equipmentTypeName: "CNC router" });
    expect(row!.expiresAt).toEqual(addMonths(now, 12));

    // The rule follows: valid inside the year, expired after it.
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: cncMachine, now: days(300, now) })).toEqual({ allowed: true, level: 1 });
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: cncMachine, now: days(400, now) })).toEqual({
      allowed: false,
      reason: "authorization_expired",
    });
    const audit = await w.t.db.select().from(auditLog).where(eq(auditLog.changeType, "authorization.grant"));
    expect(audit.some((a) => a.subjectPersonId === w.ids.maria && a.actorId === w.ids.admin)).toBe(true);
  });

  it("revokes with a reason and keeps the record", async () => {
    const g = await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.maria, equipmentTypeId: w.types.cnc, level: "user", reason: "Renewal" });
    if (!g.ok) throw new Error(g.message);
    expect(await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: cncMachine })).toEqual({ allowed: true, level: 1 });
    expect(await revokeAuthorization(w.t.db, w.ids.member, { authorizationId: g.id, reason: "Misuse" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeAuthorization(w.t.db, w.ids.admin, { authorizationId: g.id, reason: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await revokeAuthorization(w.t.db, w.ids.admin, { authorizationId: g.id, reason: "Ignored safety rules" })).toEqual({ ok: true });
    expect(await revokeAuthorization(w.t.db, w.ids.admin, { authorizationId: g.id, reason: "Again" })).toMatchObject({ ok: false, code: "already_revoked" });
    expect(await revokeAuthorization(w.t.db, w.ids.admin, { authorizationId: 999_999, reason: "Nothing" })).toMatchObject({ ok: false, code: "not_found" });
    const [row] = await w.t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.id, g.id));
    expect(row).toMatchObject({ revokedById: w.ids.admin, revokedReason: "Ignored safety rules" });
    // The earlier grant of the first test has a different expiry; the decision now sees only records that are not revoked.
    const decision = await decideCardOnMachine(w.t.db, { uid: "c0000003", machineId: cncMachine });
    expect(decision).toEqual({ allowed: true, level: 1 });
  });
});

describe("expiry reminders", () => {
  it("mails once for authorizations expiring within the window, skipping renewed ones", async () => {
    const now = new Date();
    // Mario: a CNC authorization granted 11.5 months ago runs out in about two weeks.
    const old = await grantAuthorization(
      w.t.db,
      w.ids.admin,
      { personId: w.ids.member, equipmentTypeId: w.types.cnc, level: "user", reason: "Old" },
      days(-350, now),
    );
    expect(old.ok).toBe(true);
    // Tom: the same, but renewed since; no reminder for the old one.
    await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.trainer, equipmentTypeId: w.types.cnc, level: "user", reason: "Old" }, days(-350, now));
    await grantAuthorization(w.t.db, w.ids.admin, { personId: w.ids.trainer, equipmentTypeId: w.types.cnc, level: "user", reason: "Renewed" }, days(-10, now));

    const before = w.inbox.mails.length;
    expect(await sendExpiryReminders(w.t.db, w.notifier, { now })).toEqual({ reminded: 1, failed: 0 });
    const mails = w.inbox.mails.slice(before);
    expect(mails.map((m) => m.to)).toEqual([["member@makerspace.local"]]);
    expect(mails[0]!.text).toContain("CNC router");
    expect(await sendExpiryReminders(w.t.db, w.notifier, { now })).toEqual({ reminded: 0, failed: 0 });
    // A shorter window does not include it; a later run with a wider one has nothing new either.
    expect(await sendExpiryReminders(w.t.db, w.notifier, { now, days: 60 })).toEqual({ reminded: 0, failed: 0 });
  });
});

describe("my equipment", () => {
  it("shows per type what I am, until when, what I miss and the sessions I could join", async () => {
    const startsAt = days(5);
    const s = await scheduleSession(w.t.db, w.ids.trainer, {
      equipmentTypeId: w.types.laser,
      level: "user",
      startsAt,
      endsAt: hours(2, startsAt),
      capacity: 3,
    });
    expect(s.ok).toBe(true);
    const mine = await getMyEquipment(w.t.db, w.ids.maria);
    const laser = mine.find((t) => t.name === "Laser cutter")!;
    expect(laser.levels.map((l) => [l.level, l.current !== null])).toEqual([
      ["user", false],
      ["owner", false],
      ["trainer", false],
    ]);
    expect(laser.sessions.map((x) => x.id)).toEqual([s.ok ? s.id : 0]);
    // The trainer is named as they let Maria see it: to members by default, not once they chose "only the board".
    expect(laser.sessions[0]!.trainers.map((x) => x.name)).toEqual(["Tom Trainer"]);
    await w.t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, w.ids.trainer!));
    const hidden = (await getMyEquipment(w.t.db, w.ids.maria)).find((t) => t.name === "Laser cutter")!;
    expect(hidden.sessions[0]!.trainers).toEqual([]);
    await w.t.db.update(profiles).set({ boardOnly: false }).where(eq(profiles.personId, w.ids.trainer!));
    const printer = mine.find((t) => t.name === "3D printer")!;
    expect(printer.levels[0]).toMatchObject({ level: "user", current: { until: null, source: "grant" } });
    const cnc = mine.find((t) => t.name === "CNC router")!;
    // Of her two CNC grants one is revoked; the other (from the first test) runs for a year.
    expect(cnc.levels[0]!.current?.until).toEqual(addMonths(firstGrantAt, 12));
    expect(cnc.levels[1]).toMatchObject({ level: "owner", current: null, lapsed: null });
    // Mario holds Laser already: the user session is not offered to him.
    const mario = await getMyEquipment(w.t.db, w.ids.member);
    expect(mario.find((t) => t.name === "Laser cutter")!.sessions).toEqual([]);
  });
});
