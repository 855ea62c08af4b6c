import { eq } from "drizzle-orm";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { accounts, equipmentTypes } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { createMailer } from "../../mail/mailer";
import type { Notifier } from "../training-mail";

export interface ReceivedMail {
  to: string[];
  /** The message with quoted-printable soft line breaks undone, so text can be searched. */
  text: string;
}

/** A real SMTP server on a free port: mails go over the wire exactly as in production. */
export async function startSmtpCapture(): Promise<{ mails: ReceivedMail[]; notifier: Notifier; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Makerspace <no-reply@test.local>", logger: pino({ level: "silent" }) });
  return { mails, notifier: { mailer, timeZone: "Europe/Vienna" }, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface DemoWorld {
  t: TestDatabase;
  /** Person ids by the local part of the demo email: admin, trainer, member (Mario), maria, applicant. */
  ids: Record<"admin" | "trainer" | "member" | "maria" | "applicant", number>;
  types: Record<"org" | "system" | "laser" | "printer" | "cnc", number>;
}

/** A fresh database with reference and demo data, and the ids the tests talk about. */
export async function demoWorld(): Promise<DemoWorld> {
  const t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  const ids: Record<string, number> = {};
  for (const a of await t.db.select().from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
  const typeRows = await t.db.select().from(equipmentTypes);
  const typeId = (name: string) => typeRows.find((r) => r.name === name)!.id;
  const [org] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.purpose, "organisation"));
  const [system] = await t.db.select().from(equipmentTypes).where(eq(equipmentTypes.purpose, "system"));
  return {
    t,
    ids: ids as DemoWorld["ids"],
    types: { org: org!.id, system: system!.id, laser: typeId("Laser cutter"), printer: typeId("3D printer"), cnc: typeId("CNC router") },
  };
}

export const days = (n: number, from = new Date()) => new Date(from.getTime() + n * 24 * 3600_000);
export const hours = (n: number, from = new Date()) => new Date(from.getTime() + n * 3600_000);
