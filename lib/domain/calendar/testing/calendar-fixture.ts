import { eq } from "drizzle-orm";
import { machines, profiles, rooms } from "@/lib/db/schema";
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
