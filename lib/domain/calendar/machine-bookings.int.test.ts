import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines, resources } from "@/lib/db/schema";
import { sendWeeklyAnnouncement, setWeeklyAnnouncement } from "./announcements";
import { calendarItems, upcomingEvents } from "./calendar-queries";
import { bookMachine, cancelMachineBooking } from "./machine-bookings";
import { saveEvent, setEventCancelled } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
const now = new Date("2027-01-01T00:00:00Z");
beforeAll(async () => {
  f = await createCalendarFixture();
});
afterAll(() => f.t.close());

const slot = (start: string, end: string, machineId: number) => ({ machineId, startsAt: start, endsAt: end });

describe("machine bookings", () => {
  it("lets a trained member book, refuses overlaps (naming the booking), untrained members, past times and blocked machines", async () => {
    const ok = await bookMachine(f.t.db, f.member, slot("2027-01-10T10:00:00Z", "2027-01-10T12:00:00Z", f.laser), now);
    expect(ok.ok).toBe(true);
    expect(await bookMachine(f.t.db, f.admin, slot("2027-01-10T11:00:00Z", "2027-01-10T13:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "conflict",
      conflict: { kind: "booking", title: "LASER 1" },
    });
    expect(await bookMachine(f.t.db, f.admin, slot("2027-01-10T12:00:00Z", "2027-01-10T13:00:00Z", f.laser), now)).toMatchObject({ ok: true });
    expect(await bookMachine(f.t.db, f.maria, slot("2027-01-11T10:00:00Z", "2027-01-11T12:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "not_allowed_on_machine",
    });
    expect(await bookMachine(f.t.db, f.applicant, slot("2027-01-11T10:00:00Z", "2027-01-11T12:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "not_allowed_on_machine",
    });
    expect(await bookMachine(f.t.db, f.member, slot("2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "validation",
    });
    expect(await bookMachine(f.t.db, f.member, slot("2027-01-12T12:00:00Z", "2027-01-12T10:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "validation",
    });
    await f.t.db.update(machines).set({ blocked: true }).where(eq(machines.id, f.laser));
    expect(await bookMachine(f.t.db, f.member, slot("2027-01-12T10:00:00Z", "2027-01-12T12:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "machine_blocked",
    });
    await f.t.db.update(machines).set({ blocked: false }).where(eq(machines.id, f.laser));
    if (!ok.ok) return;
    expect(await cancelMachineBooking(f.t.db, f.maria, ok.bookingId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cancelMachineBooking(f.t.db, f.member, ok.bookingId)).toMatchObject({ ok: true });
    expect(await bookMachine(f.t.db, f.admin, slot("2027-01-10T10:00:00Z", "2027-01-10T11:00:00Z", f.laser), now)).toMatchObject({ ok: true });
  });

  it("exactly one of two concurrent bookings of the same slot wins", async () => {
    const results = await Promise.all(
      [f.member, f.admin].map((p) => bookMachine(f.t.db, p, slot("2027-02-01T10:00:00Z", "2027-02-01T12:00:00Z", f.laser), now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("an event reserving the machine as a resource and a booking exclude each other", async () => {
    const [res] = await f.t.db.insert(resources).values({ name: "Laser cutter", machineId: f.laser }).returning();
    const ev = await saveEvent(f.t.db, f.admin, {
      title: "Laser workshop",
      startsAt: "2027-03-01T10:00:00Z",
      endsAt: "2027-03-01T12:00:00Z",
      timeZone: "UTC",
      resourceIds: [res!.id],
    });
    expect(ev.ok).toBe(true);
    expect(await bookMachine(f.t.db, f.member, slot("2027-03-01T11:00:00Z", "2027-03-01T13:00:00Z", f.laser), now)).toMatchObject({
      ok: false,
      code: "conflict",
      conflict: { kind: "event", title: "Laser workshop" },
    });
    await bookMachine(f.t.db, f.member, slot("2027-03-02T11:00:00Z", "2027-03-02T13:00:00Z", f.laser), now);
    expect(
      await saveEvent(f.t.db, f.admin, {
        title: "Clash",
        startsAt: "2027-03-02T12:00:00Z",
        endsAt: "2027-03-02T14:00:00Z",
        timeZone: "UTC",
        resourceIds: [res!.id],
      }),
    ).toMatchObject({ ok: false, code: "conflict", conflict: { kind: "booking" } });
  });
});

describe("views and announcements", () => {
  it("lists events, bookings for members only, filtered by room; upcoming events skip cancelled ones", async () => {
    await saveEvent(f.t.db, f.admin, {
      title: "Public night",
      startsAt: "2027-01-05T18:00:00Z",
      endsAt: "2027-01-05T20:00:00Z",
      timeZone: "UTC",
      visibility: "public",
      roomIds: [f.roomA],
    });
    await saveEvent(f.t.db, f.admin, {
      title: "Members night",
      startsAt: "2027-01-06T18:00:00Z",
      endsAt: "2027-01-06T20:00:00Z",
      timeZone: "UTC",
      roomIds: [f.roomB],
    });
    const range = { from: new Date("2027-01-01"), to: new Date("2027-02-01") };
    const visitor = await calendarItems(f.t.db, { ...range, includeMembersOnly: false });
    expect(visitor.map((i) => i.title)).toEqual(["Public night"]);
    const member = await calendarItems(f.t.db, { ...range, includeMembersOnly: true });
    expect(member.map((i) => `${i.kind}:${i.title}`)).toEqual(["event:Public night", "event:Members night", "booking:LASER 1", "booking:LASER 1"]);
    expect((await calendarItems(f.t.db, { ...range, includeMembersOnly: true, roomId: f.roomB })).map((i) => i.title)).toEqual(["Members night"]);
    expect((await upcomingEvents(f.t.db, { now, includeMembersOnly: false, limit: 1 })).map((i) => i.title)).toEqual(["Public night"]);
    // A cancelled event takes no place of the few shown (the start page's 5): the next one takes it.
    const early = await saveEvent(f.t.db, f.admin, { title: "Called off", startsAt: "2027-01-04T18:00:00Z", endsAt: "2027-01-04T20:00:00Z", timeZone: "UTC" });
    if (!early.ok) throw new Error(early.message);
    expect(await setEventCancelled(f.t.db, f.admin, early.eventId, true)).toMatchObject({ ok: true });
    expect((await upcomingEvents(f.t.db, { now, includeMembersOnly: true, limit: 2 })).map((i) => i.title)).toEqual(["Public night", "Members night"]);
  });

  it("mails the week's events to opted-in people only", async () => {
    const sent: { to: string; text: string }[] = [];
    const mailer = { send: async (m: { to: string; text: string }) => void sent.push(m) };
    await setWeeklyAnnouncement(f.t.db, f.maria, true);
    await setWeeklyAnnouncement(f.t.db, f.member, true);
    await setWeeklyAnnouncement(f.t.db, f.member, false);
    expect(await sendWeeklyAnnouncement(f.t.db, mailer, { now, timeZone: "Europe/Vienna" })).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]!.to).toBe("maria@makerspace.local");
    expect(sent[0]!.text).toContain("Public night");
    expect(sent[0]!.text).toContain("Members night");
  });
});
