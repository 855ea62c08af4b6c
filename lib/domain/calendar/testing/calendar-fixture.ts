import { eq } from "drizzle-orm";
import { equipmentTypes, machines, profiles, rooms, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

export interface CalendarFixture {
  t: DemoDatabase;
  admin: number;
  member: number;
  maria: number;
  applicant: number;
  laser: number;
  printer: number;
  roomA: number;
  roomB: number;
  close(): Promise<void>;
}

/** A fresh database with the demo people and machines plus two rooms. */
export async function createCalendarFixture(): Promise<CalendarFixture> {
  const t = await createDemoDatabase();
  const person = async (email: string) => (await t.db.select().from(profiles).where(eq(profiles.email, email)))[0]!.personId;
  const machine = async (boardId: number) => (await t.db.select().from(machines).where(eq(machines.boardId, boardId)))[0]!.id;
  const [a, b] = await t.db
    .insert(rooms)
    .values([{ name: "Main hall" }, { name: "Electronics lab" }])
    .returning();
  return {
    t,
    admin: await person("admin@makerspace.local"),
    member: await person("member@makerspace.local"),
    maria: await person("maria@makerspace.local"),
    applicant: await person("applicant@makerspace.local"),
    laser: await machine(1),
    printer: await machine(2),
    roomA: a!.id,
    roomB: b!.id,
    close: () => t.close(),
  };
}

/** A training session (user level, four places, of the first equipment type) the member signed up for; its id. */
export async function memberSignedUpForTraining(f: CalendarFixture, at: { startsAt: string; endsAt: string; room: string }): Promise<number> {
  const [type] = await f.t.db.select().from(equipmentTypes).limit(1);
  const [session] = await f.t.db
    .insert(trainingSessions)
    .values({ equipmentTypeId: type!.id, level: "user", startsAt: new Date(at.startsAt), endsAt: new Date(at.endsAt), capacity: 4, room: at.room })
    .returning();
  await f.t.db.insert(trainingSignups).values({ sessionId: session!.id, personId: f.member, status: "signed_up" });
  return session!.id;
}
