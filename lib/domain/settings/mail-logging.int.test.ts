import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { requestPasswordReset } from "../auth/password-reset";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createMailer } from "../mail/mailer";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { createSettingsMailer, mailDelivery } from "./settings-mailer";
import { getSpaceSettings } from "./space-settings";

// Tokens and reset links reach the log only when mail is deliberately printed there (no SMTP server set).
let t: DemoDatabase;
let inbox: Inbox;

databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
});

function capturingLogger(): { logger: pino.Logger; text: () => string } {
  let out = "";
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
  return { logger: pino({ level: "trace" }, stream), text: () => out };
}

const tokenOf = (mail: string) => mail.match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1];

describe("mail and the log", () => {
  it("with an SMTP server: the mail has the link, the log has neither link nor token", async () => {
    const log = capturingLogger();
    const mailer = createSettingsMailer(
      () => getSpaceSettings(t.db),
      createMailer({ smtpUrl: `smtp://127.0.0.1:${inbox.port}`, from: "a@b.c", logger: log.logger }),
      log.logger,
    );
    await requestPasswordReset(t.db, mailer, { email: "member@makerspace.local" });
    const token = tokenOf(unfold(inbox.mails.at(-1)!.raw));
    expect(token).toBeTruthy();
    expect(log.text()).toContain("Mail sent");
    expect(log.text()).not.toContain(token!);
    expect(log.text()).not.toContain("reset-password");
    expect(mailDelivery(await getSpaceSettings(t.db), { SMTP_URL: "smtp://x" })).toBe("smtp");
  });

  it("printing to the log is the deliberate development mode, and is named as such", async () => {
    const log = capturingLogger();
    const mailer = createSettingsMailer(() => getSpaceSettings(t.db), createMailer({ from: "a@b.c", logger: log.logger }), log.logger);
    await requestPasswordReset(t.db, mailer, { email: "member@makerspace.local" });
    expect(log.text()).toMatch(/no SMTP_URL set, printed here instead/);
    expect(log.text()).toMatch(/reset-password\/[A-Za-z0-9_-]+/);
    expect(mailDelivery(await getSpaceSettings(t.db), { SMTP_URL: undefined })).toBe("log");
  });
});
