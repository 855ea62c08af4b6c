import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, eventOccurrences, events, eventThings, resources, things } from "@/lib/db/schema";
import { eventByRef } from "./event-ref";
import { saveEvent, setEventCancelled } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
beforeAll(async () => {
  f = await createCalendarFixture();
});
afterAll(() => f.t.close());

const evening = (day: string, over: Record<string, unknown> = {}) => ({
  title: "Open lab",
  startsAt: `${day}T18:00:00Z`,
  endsAt: `${day}T21:00:00Z`,
  timeZone: "Europe/Vienna",
  ...over,
});

describe("saveEvent", () => {
  it("creates an event with its occurrence and an audit entry; members without calendar.write are refused", async () => {
    const r = await saveEvent(f.t.db, f.admin, evening("2027-01-05", { roomIds: [f.roomA] }));
    expect(r).toMatchObject({ ok: true, occurrences: 1 });
    if (!r.ok) return;
    const audit = await f.t.db.select().from(auditLog).where(eq(auditLog.changeType, "event.create"));
    expect(audit.some((a) => a.entityId === String(r.eventId))).toBe(true);
    expect(await saveEvent(f.t.db, f.member, evening("2027-01-06"))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuses end before start and unknown rooms, saving nothing", async () => {
    const before = (await f.t.db.select().from(events)).length;
    expect(await saveEvent(f.t.db, f.admin, evening("2027-02-01", { endsAt: "2027-02-01T17:00:00Z" }))).toMatchObject({ ok: false, code: "validation" });
    expect(await saveEvent(f.t.db, f.admin, evening("2027-02-01", { roomIds: [999999] }))).toMatchObject({ ok: false, code: "validation" });
    expect(await f.t.db.select().from(events)).toHaveLength(before);
  });

  it("refuses a second event in the same room at an overlapping time, naming the first", async () => {
    const first = await saveEvent(f.t.db, f.admin, evening("2027-03-02", { title: "Soldering workshop", roomIds: [f.roomA] }));
    expect(first.ok).toBe(true);
    const clash = await saveEvent(
      f.t.db,
      f.admin,
      evening("2027-03-02", { title: "Board meeting", startsAt: "2027-03-02T20:00:00Z", roomIds: [f.roomA, f.roomB] }),
    );
    expect(clash).toMatchObject({ ok: false, code: "conflict", conflict: { kind: "event", title: "Soldering workshop" } });
    expect(await saveEvent(f.t.db, f.admin, evening("2027-03-02", { title: "Elsewhere", roomIds: [f.roomB] }))).toMatchObject({ ok: true });
    // Back to back is fine.
    expect(
      await saveEvent(f.t.db, f.admin, evening("2027-03-02", { startsAt: "2027-03-02T21:00:00Z", endsAt: "2027-03-02T22:00:00Z", roomIds: [f.roomA] })),
    ).toMatchObject({ ok: true });
  });

  it("checks every occurrence of a recurring event, and a cancelled event frees the room", async () => {
    const weekly = await saveEvent(
      f.t.db,
      f.admin,
      evening("2027-04-06", { title: "Tuesday lab", roomIds: [f.roomB], recurrence: { freq: "weekly", count: 10 } }),
    );
    expect(weekly.ok).toBe(true);
    // The eighth Tuesday (after the series began) collides.
    const single = await saveEvent(f.t.db, f.admin, evening("2027-05-25", { title: "Talk", roomIds: [f.roomB] }));
    expect(single).toMatchObject({ ok: false, code: "conflict", conflict: { title: "Tuesday lab" } });
    if (!weekly.ok) return;
    expect(await setEventCancelled(f.t.db, f.admin, weekly.eventId, true)).toEqual({ ok: true });
    expect(await saveEvent(f.t.db, f.admin, evening("2027-05-25", { title: "Talk", roomIds: [f.roomB] }))).toMatchObject({ ok: true });
    // Restoring the series would double-book now, so it is refused.
    expect(await setEventCancelled(f.t.db, f.admin, weekly.eventId, false)).toMatchObject({ ok: false, code: "conflict", conflict: { title: "Talk" } });
  });

  it("lets exactly one of two concurrent saves for the same room win", async () => {
    const results = await Promise.all(["Race A", "Race B"].map((title) => saveEvent(f.t.db, f.admin, evening("2027-06-01", { title, roomIds: [f.roomA] }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    const stored = await f.t.db
      .select()
      .from(events)
      .where(eq(events.startsAt, new Date("2027-06-01T18:00:00Z")));
    expect(stored).toHaveLength(1);
  });

  it("edits an event: moving it onto a taken slot is refused and the old version stays", async () => {
    const a = await saveEvent(f.t.db, f.admin, evening("2027-07-01", { title: "Fixed", roomIds: [f.roomA] }));
    const b = await saveEvent(f.t.db, f.admin, evening("2027-07-02", { title: "Mover", roomIds: [f.roomA] }));
    if (!a.ok || !b.ok) throw new Error("setup");
    expect(await saveEvent(f.t.db, f.admin, evening("2027-07-01", { title: "Mover", roomIds: [f.roomA] }), b.eventId)).toMatchObject({
      ok: false,
      code: "conflict",
      conflict: { title: "Fixed" },
    });
    const occ = await f.t.db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, b.eventId));
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual(["2027-07-02T18:00:00.000Z"]);
    expect(await saveEvent(f.t.db, f.admin, evening("2027-07-03", { title: "Mover 2", roomIds: [f.roomA] }), b.eventId)).toMatchObject({ ok: true });
  });

  it("refuses an event on a resource (the laser) that a concurrent event already holds", async () => {
    const [laserRes] = await f.t.db.insert(resources).values({ name: "Laser", machineId: f.laser }).returning();
    const results = await Promise.all(
      ["Laser A", "Laser B"].map((title) => saveEvent(f.t.db, f.admin, evening("2027-08-01", { title, resourceIds: [laserRes!.id] }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("links inventory things by number; an unknown number is refused", async () => {
    const [thing] = await f.t.db.insert(things).values({ name: "Soldering station", slug: "soldering-station" }).returning();
    const r = await saveEvent(f.t.db, f.admin, evening("2027-09-01", { thingNumbers: [thing!.number] }));
    if (!r.ok) throw new Error(r.message);
    expect(await f.t.db.select().from(eventThings).where(eq(eventThings.eventId, r.eventId))).toEqual([{ eventId: r.eventId, thingId: thing!.id }]);
    expect(await saveEvent(f.t.db, f.admin, evening("2027-09-02", { thingNumbers: [987654] }))).toMatchObject({ ok: false, code: "validation" });
  });

  it("refuses double-booking an inventory thing, naming the event that holds it; back to back and cancelled are fine", async () => {
    const [kit] = await f.t.db.insert(things).values({ name: "Oscilloscope", slug: "oscilloscope" }).returning();
    const first = await saveEvent(f.t.db, f.admin, evening("2027-10-05", { title: "Scope class", thingNumbers: [kit!.number] }));
    if (!first.ok) throw new Error(first.message);
    const clash = await saveEvent(
      f.t.db,
      f.admin,
      evening("2027-10-05", { title: "Repair café", startsAt: "2027-10-05T20:30:00Z", endsAt: "2027-10-05T22:00:00Z", thingNumbers: [kit!.number] }),
    );
    expect(clash).toMatchObject({ ok: false, code: "conflict", conflict: { kind: "event", title: "Scope class" } });
    if (!clash.ok) expect(clash.message).toContain("Scope class");
    expect(
      await saveEvent(
        f.t.db,
        f.admin,
        evening("2027-10-05", { startsAt: "2027-10-05T21:00:00Z", endsAt: "2027-10-05T22:00:00Z", thingNumbers: [kit!.number] }),
      ),
    ).toMatchObject({ ok: true });
    expect(await setEventCancelled(f.t.db, f.admin, first.eventId, true)).toEqual({ ok: true });
    expect(
      await saveEvent(
        f.t.db,
        f.admin,
        evening("2027-10-05", { title: "Repair café", startsAt: "2027-10-05T20:00:00Z", endsAt: "2027-10-05T20:30:00Z", thingNumbers: [kit!.number] }),
      ),
    ).toMatchObject({ ok: true });
    // Restoring the class would now double-book the scope.
    expect(await setEventCancelled(f.t.db, f.admin, first.eventId, false)).toMatchObject({ ok: false, code: "conflict", conflict: { title: "Repair café" } });
  });

  it("lets exactly one of several concurrent saves needing the same thing win (in different rooms)", async () => {
    const [kit] = await f.t.db.insert(things).values({ name: "Projector", slug: "projector" }).returning();
    const results = await Promise.all(
      [f.roomA, f.roomB, undefined].map((room, i) =>
        saveEvent(f.t.db, f.admin, evening("2027-11-02", { title: `Projector race ${i}`, roomIds: room ? [room] : [], thingNumbers: [kit!.number] })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(2);
    const holders = await f.t.db.select().from(eventThings).where(eq(eventThings.thingId, kit!.id));
    expect(holders).toHaveLength(1);
  });
});

describe("readable addresses", () => {
  it("gives each new event a unique slug from its title, kept when the title changes; the page finds it by slug or number", async () => {
    const a = await saveEvent(f.t.db, f.admin, evening("2028-01-04", { title: "Xylo Café!" }));
    const b = await saveEvent(f.t.db, f.admin, evening("2028-01-11", { title: "Xylo café" }));
    if (!a.ok || !b.ok) throw new Error("not saved");
    expect(await eventByRef(f.t.db, "xylo-cafe")).toEqual({ id: a.eventId, slug: "xylo-cafe" });
    expect(await eventByRef(f.t.db, "xylo-cafe-2")).toEqual({ id: b.eventId, slug: "xylo-cafe-2" });
    expect(await eventByRef(f.t.db, String(b.eventId))).toEqual({ id: b.eventId, slug: "xylo-cafe-2" });
    expect(await saveEvent(f.t.db, f.admin, evening("2028-01-11", { title: "Repair evening" }), b.eventId)).toMatchObject({ ok: true });
    expect(await eventByRef(f.t.db, "xylo-cafe-2")).toEqual({ id: b.eventId, slug: "xylo-cafe-2" });
    for (const bad of ["abc", "Xylo-Cafe", "99999999999", "-1", "a%25"]) expect(await eventByRef(f.t.db, bad)).toBeNull();
  });
});
