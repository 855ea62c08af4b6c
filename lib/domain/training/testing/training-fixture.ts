import { eq } from "drizzle-orm";
import { equipmentTypes } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { permissionsOfPerson } from "../../access/person-permissions";
import { createPerson } from "../../people/create-person";
import type { Notifier } from "../training-mail";

export interface DemoWorld {
  t: DemoDatabase;
  /** Person ids by the local part of the demo email: admin, trainer, member (Mario), maria, applicant. */
  ids: Record<"admin" | "trainer" | "member" | "maria" | "applicant", number>;
  types: Record<"org" | "system" | "laser" | "printer" | "cnc", number>;
  /** A person as the queries take a viewer: their id and the permissions they hold now. */
  viewerOf(personId: number): Promise<{ personId: number; permissions: Awaited<ReturnType<typeof permissionsOfPerson>> }>;
  /** A new member with a member number, mailed at <name>@test.local; their person id. */
  newMember(firstName: string): Promise<number>;
  close(): Promise<void>;
}

/** A fresh database with reference and demo data, and the ids the tests talk about. */
export async function demoWorld(): Promise<DemoWorld> {
  const t = await createDemoDatabase();
  const typeRows = await t.db.select().from(equipmentTypes);
  const typeId = (name: string) => typeRows.find((r) => r.name === name)!.id;
  const [org] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.purpose, "organisation"));
  const [system] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.purpose, "system"));
  return {
    t,
    ids: t.ids,
    types: { org: org!.id, system: system!.id, laser: typeId("Laser cutter"), printer: typeId("3D printer"), cnc: typeId("CNC router") },
    viewerOf: async (personId) => ({ personId, permissions: await permissionsOfPerson(t.db, personId) }),
    newMember: async (firstName) =>
      (await createPerson(t.db, { statusKey: "member", firstName, email: `${firstName.toLowerCase()}@test.local`, assignMemberNumber: true })).personId,
    close: () => t.close(),
  };
}

export interface MailingWorld extends DemoWorld {
  inbox: Inbox;
  /** What the training and equipment services mail through: to `inbox`, times in the space's zone (Vienna). */
  notifier: Notifier;
}

/**
 * A test file's demo world and its SMTP inbox (databaseWithInbox: opened before the file's tests, closed after);
 * the object is filled in by then, so a file writes `const w = demoWorldWithInbox()` and uses it in its tests.
 */
export function demoWorldWithInbox(): MailingWorld {
  const world = {} as MailingWorld;
  databaseWithInbox(demoWorld, (made, inbox) => {
    Object.assign(world, made, { inbox, notifier: { mailer: inbox.mailer, timeZone: "Europe/Vienna" } });
  });
  return world;
}

export const days = (n: number, from = new Date()) => new Date(from.getTime() + n * 24 * 3600_000);
export const hours = (n: number, from = new Date()) => new Date(from.getTime() + n * 3600_000);
