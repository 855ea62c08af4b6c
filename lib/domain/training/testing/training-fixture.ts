import { eq } from "drizzle-orm";
import { equipmentTypes } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { openInbox, type ReceivedMail } from "@/lib/domain/mail/testing/smtp-inbox";
import type { Notifier } from "../training-mail";

/** The shared SMTP inbox with the notifier the training services take (the space's zone: Vienna). */
export async function startSmtpCapture(): Promise<{ mails: ReceivedMail[]; notifier: Notifier; close(): Promise<void> }> {
  const inbox = await openInbox();
  return { mails: inbox.mails, notifier: { mailer: inbox.mailer, timeZone: "Europe/Vienna" }, close: inbox.close };
}

export interface DemoWorld {
  t: DemoDatabase;
  /** Person ids by the local part of the demo email: admin, trainer, member (Mario), maria, applicant. */
  ids: Record<"admin" | "trainer" | "member" | "maria" | "applicant", number>;
  types: Record<"org" | "system" | "laser" | "printer" | "cnc", number>;
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
  };
}

export const days = (n: number, from = new Date()) => new Date(from.getTime() + n * 24 * 3600_000);
export const hours = (n: number, from = new Date()) => new Date(from.getTime() + n * 3600_000);
