import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentTypes, machines, maintenancePlans, usageSessions } from "@/lib/db/schema";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { bookableMachines, mayBookMachine } from "./machine-bookings";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
let counted: CountingDb;
const now = new Date("2027-04-01T00:00:00Z");
beforeAll(async () => {
  f = await createCalendarFixture();
  counted = countingDb(f.t.url);
});
afterAll(async () => {
  await counted.close();
  await f.t.close();
});

const people = () => [f.admin, f.member, f.maria, f.applicant, f.t.ids.trainer];

async function addMachines(count: number, typeName: string, label: string) {
  const [type] = await f.t.db.select().from(equipmentTypes).where(eq(equipmentTypes.name, typeName));
  return f.t.db
    .insert(machines)
    .values(Array.from({ length: count }, (_, i) => ({ name: `${label} ${i}`, equipmentTypeId: type!.id })))
    .returning();
}

describe("the machines a person may book (bookings page, machines dashboard)", () => {
  it("asks the database a fixed number of times however many machines there are", async () => {
    await bookableMachines(counted.db, f.member, now); // the connection's own first questions (types) not counted
    counted.reset();
    await bookableMachines(counted.db, f.member, now);
    const withDemoMachines = counted.queries.length;
    await addMachines(6, "Laser cutter", "LASER EXTRA");
    counted.reset();
    const offered = await bookableMachines(counted.db, f.member, now);
    expect(counted.queries.length).toBe(withDemoMachines);
    // One query per machine would be 9 more than with the demo's 3; it read every machine all the same.
    expect(offered.filter((m) => m.name.startsWith("LASER EXTRA"))).toHaveLength(6);
  });

  it("offers exactly the machines mayBookMachine allows: blocked, due for maintenance, no training needed", { timeout: 120_000 }, async () => {
    const [blocked] = await addMachines(1, "Laser cutter", "LASER BLOCKED");
    await f.t.db.update(machines).set({ blocked: true, blockedReason: "broken" }).where(eq(machines.id, blocked!.id));
    const [due] = await addMachines(1, "Laser cutter", "LASER DUE");
    const [plan] = await f.t.db
      .insert(maintenancePlans)
      .values({ machineId: due!.id, everyHours: 1, lcdText: "CLEAN LENS", createdAt: new Date("2027-03-01T00:00:00Z") })
      .returning();
    expect(plan).toBeDefined();
    const started = new Date(now.getTime() - 5 * 3_600_000);
    await f.t.db.insert(usageSessions).values({
      machineId: due!.id,
      personId: f.t.ids.trainer,
      cardUid: "00000001",
      startedAt: started,
      lastHeartbeatAt: started,
      openedByEventAt: started,
      recordedAs: "live",
    });
    const [free] = await f.t.db.insert(equipmentTypes).values({ name: "Hand tools", noAuthorizationNeeded: true }).returning();
    await f.t.db.insert(machines).values({ name: "DRILL PRESS", equipmentTypeId: free!.id });

    const all = await f.t.db.select().from(machines);
    for (const person of people()) {
      const offered = new Set((await bookableMachines(f.t.db, person, now)).map((m) => m.id));
      for (const m of all) expect([person, m.name, offered.has(m.id)]).toEqual([person, m.name, (await mayBookMachine(f.t.db, person, m.id, now)).ok]);
    }
    // The cases are really there: the member is trained on the laser type but not on a blocked or due one.
    const member = new Set((await bookableMachines(f.t.db, f.member, now)).map((m) => m.name));
    expect(member.has("LASER 1")).toBe(true);
    expect(member.has(blocked!.name)).toBe(false);
    expect(member.has(due!.name)).toBe(false);
    expect(member.has("DRILL PRESS")).toBe(true);
    expect(await bookableMachines(f.t.db, f.applicant, now)).toEqual([]);
  });
});
