import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines } from "@/lib/db/schema";
import { bookingItems } from "./calendar-queries";
import { bookMachine, machineForMembers, mayBookMachine } from "./machine-bookings";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
const now = new Date("2027-05-01T00:00:00Z");
beforeAll(async () => {
  f = await createCalendarFixture();
});
afterAll(() => f.t.close());

describe("the member-facing machine page", () => {
  it("offers booking by the same rule that books: authorised yes, untrained or cardless no, blocked no", async () => {
    expect(await mayBookMachine(f.t.db, f.member, f.laser, now)).toEqual({ ok: true });
    expect(await mayBookMachine(f.t.db, f.maria, f.laser, now)).toMatchObject({ ok: false, code: "not_allowed_on_machine" });
    expect(await mayBookMachine(f.t.db, f.applicant, f.laser, now)).toMatchObject({ ok: false });
    expect(await mayBookMachine(f.t.db, f.member, 999_999, now)).toMatchObject({ ok: false });
    await f.t.db.update(machines).set({ blocked: true, blockedReason: "Lens broken" }).where(eq(machines.id, f.laser));
    expect(await mayBookMachine(f.t.db, f.member, f.laser, now)).toMatchObject({ ok: false, code: "machine_blocked" });
    expect(await machineForMembers(f.t.db, f.laser)).toMatchObject({ name: "LASER 1", blocked: true, blockedReason: "Lens broken" });
    await f.t.db.update(machines).set({ blocked: false, blockedReason: "" }).where(eq(machines.id, f.laser));
    expect(await machineForMembers(f.t.db, 999_999)).toBeNull();
  });

  it("a booking made from the page (the same bookMachine) shows in that machine's upcoming bookings only", async () => {
    const r = await bookMachine(f.t.db, f.member, { machineId: f.laser, startsAt: "2027-05-03T10:00:00Z", endsAt: "2027-05-03T12:00:00Z" }, now);
    expect(r).toMatchObject({ ok: true });
    const range = { from: now, to: new Date(now.getTime() + 28 * 86_400_000), includeMembersOnly: true };
    const laser = await bookingItems(f.t.db, { ...range, machineId: f.laser });
    expect(laser.map((i) => [i.kind, i.startsAt.toISOString()])).toEqual([["booking", "2027-05-03T10:00:00.000Z"]]);
    expect(await bookingItems(f.t.db, { ...range, machineId: f.printer })).toEqual([]);
  });
});
