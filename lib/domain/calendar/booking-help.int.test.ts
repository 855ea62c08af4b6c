import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalFeed } from "./personal-feed";
import { regenerateFeedToken } from "./feed-tokens";
import { bookableMachines, bookingTimeProblems, bookMachine, cancelMachineBooking, mayBookMachine } from "./machine-bookings";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
const now = new Date("2027-04-01T00:00:00Z");
beforeAll(async () => {
  f = await createCalendarFixture();
});
afterAll(() => f.t.close());

describe("bookings that help", () => {
  it("offers exactly the machines the rule lets the person book", async () => {
    const member = await bookableMachines(f.t.db, f.member, now);
    expect(member.map((m) => m.id)).toContain(f.laser);
    const maria = await bookableMachines(f.t.db, f.maria, now);
    expect(maria.map((m) => m.id)).not.toContain(f.laser);
    expect(await bookableMachines(f.t.db, f.applicant, now)).toEqual([]);
    for (const person of [f.member, f.maria]) {
      const offered = new Set((await bookableMachines(f.t.db, person, now)).map((m) => m.id));
      for (const machineId of [f.laser, f.printer]) expect(offered.has(machineId)).toBe((await mayBookMachine(f.t.db, person, machineId, now)).ok);
    }
  });

  it("answers what was booked, explains a clash (until when, whose) and what was cancelled", async () => {
    const booked = await bookMachine(f.t.db, f.member, { machineId: f.laser, startsAt: "2027-04-10T08:00:00Z", endsAt: "2027-04-10T09:00:00Z" }, now);
    expect(booked).toMatchObject({
      ok: true,
      machineId: f.laser,
      machineName: "LASER 1",
      startsAt: new Date("2027-04-10T08:00:00Z"),
      endsAt: new Date("2027-04-10T09:00:00Z"),
    });
    const clash = await bookMachine(f.t.db, f.admin, { machineId: f.laser, startsAt: "2027-04-10T08:30:00Z", endsAt: "2027-04-10T10:00:00Z" }, now);
    expect(clash).toMatchObject({
      ok: false,
      code: "conflict",
      conflict: { kind: "booking", title: "LASER 1", endsAt: new Date("2027-04-10T09:00:00Z"), personId: f.member },
    });
    if (!booked.ok) return;
    expect(await cancelMachineBooking(f.t.db, f.member, booked.bookingId)).toMatchObject({
      ok: true,
      machineName: "LASER 1",
      personId: f.member,
      startsAt: new Date("2027-04-10T08:00:00Z"),
    });
  });

  it("names each bad time by its field, all at once", () => {
    expect(bookingTimeProblems(null, null, now)).toEqual([
      { field: "startsAt", code: "missing" },
      { field: "endsAt", code: "missing" },
    ]);
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    expect(bookingTimeProblems(at(5), at(4), now)).toEqual([{ field: "endsAt", code: "before_start" }]);
    expect(bookingTimeProblems(at(-5), at(-4), now)).toEqual([{ field: "endsAt", code: "in_past" }]);
    expect(bookingTimeProblems(at(-5), at(-6), now)).toEqual([
      { field: "endsAt", code: "before_start" },
      { field: "endsAt", code: "in_past" },
    ]);
    expect(bookingTimeProblems(at(1), at(1 + 8 * 24), now)).toEqual([{ field: "endsAt", code: "too_long" }]);
    expect(bookingTimeProblems(null, at(-1), now)).toEqual([
      { field: "startsAt", code: "missing" },
      { field: "endsAt", code: "in_past" },
    ]);
    expect(bookingTimeProblems(at(1), at(2), now)).toEqual([]);
  });

  it("puts the member's bookings into their personal feed; a cancelled one stays, marked cancelled", async () => {
    const kept = await bookMachine(
      f.t.db,
      f.member,
      { machineId: f.laser, startsAt: "2027-04-12T08:00:00Z", endsAt: "2027-04-12T09:00:00Z", note: "acrylic sign" },
      now,
    );
    const dropped = await bookMachine(f.t.db, f.member, { machineId: f.laser, startsAt: "2027-04-13T08:00:00Z", endsAt: "2027-04-13T09:00:00Z" }, now);
    const other = await bookMachine(f.t.db, f.admin, { machineId: f.laser, startsAt: "2027-04-14T08:00:00Z", endsAt: "2027-04-14T09:00:00Z" }, now);
    if (!kept.ok || !dropped.ok || !other.ok) throw new Error("booking failed");
    await cancelMachineBooking(f.t.db, f.member, dropped.bookingId);
    const token = await regenerateFeedToken(f.t.db, f.member);
    const feed = await personalFeed(f.t.db, token, { host: "makerspace.test", now });
    const events = new ICAL.Component(ICAL.parse(feed!.body())).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const mine = byUid.get(`booking-${kept.bookingId}@makerspace.test`);
    expect(mine?.summary).toBe("LASER 1: acrylic sign");
    expect(mine?.startDate.toJSDate()).toEqual(new Date("2027-04-12T08:00:00Z"));
    expect(byUid.get(`booking-${dropped.bookingId}@makerspace.test`)?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(byUid.has(`booking-${other.bookingId}@makerspace.test`)).toBe(false);
  });
});
