import pino from "pino";
import { describe, expect, it } from "vitest";
import { requestPasswordReset } from "../auth/password-reset";
import { notifyAuditSubscribers, subscribeToChanges } from "../audit/subscriptions";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { createSpaceMailer } from "./settings-mailer";
import { loadSpaceSettings } from "./space-settings";
import { settingsInputSchema, updateSpaceSettings } from "./update-settings";

// Every mail names the space from the settings (sender name, subject, signature), over a real SMTP server.
const SYSTEM = { personId: null, permissions: new Set<string>() };
const silent = pino({ level: "silent" });
let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;
let port = 0;
/** The last mail received, soft line breaks and encoded spaces undone. */
const lastMail = () => unfold(inbox.mails.at(-1)!.raw).replace(/=20/g, " ");

databaseWithInbox(createDemoDatabase, (database, mail) => {
  [t, ids, inbox, port] = [database, database.ids, mail, mail.port];
});

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(raw)?.[1] ?? "";

describe("the space's name in mails", () => {
  it("before the settings are saved: the environment's name and sender (SMTP_URL)", async () => {
    const mailer = createSpaceMailer(t.db, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Makerspace <no-reply@makerspace.local>" }, silent);
    await requestPasswordReset(t.db, mailer, { email: "member@makerspace.local" });
    const raw = lastMail();
    expect(header(raw, "From")).toMatch(/^"?Makerspace"? <no-reply@makerspace\.local>$/);
    expect(header(raw, "Subject")).toMatch(/^\[Makerspace\] /);
  });

  it("after a save: password reset and audit notification carry the saved name and sender", async () => {
    const current = await loadSpaceSettings(t.db);
    const input = settingsInputSchema.parse({
      ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)])),
      name: "Fablab Nord",
      website: "https://fablab-nord.example",
      mailFrom: "Old Name <hello@fablab-nord.example>",
      smtpHost: "127.0.0.1",
      smtpPort: String(port),
      smtpSecure: false,
      smtpUser: "",
      smtpPassword: "",
      clearSmtpPassword: false,
    });
    expect(await subscribeToChanges(t.db, ids.admin!, "settings.update")).toMatchObject({ ok: true });
    await updateSpaceSettings(t.db, SYSTEM, input);
    // SMTP_URL points nowhere: after the save only the settings' SMTP server is used.
    const mailer = createSpaceMailer(t.db, { SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "x@y.z" }, silent);

    await requestPasswordReset(t.db, mailer, { email: "member@makerspace.local" });
    const reset = lastMail();
    expect(header(reset, "From")).toMatch(/^"?Fablab Nord"? <hello@fablab-nord\.example>$/);
    expect(header(reset, "Subject")).toMatch(/^\[Fablab Nord\] /);
    expect(reset).toContain("-- \r\nFablab Nord\r\nhttps://fablab-nord.example");

    expect(await notifyAuditSubscribers(t.db, mailer)).toEqual({ sent: 1, failed: 0 });
    const audit = lastMail();
    expect(audit).toContain("settings.update");
    expect(header(audit, "From")).toMatch(/^"?Fablab Nord"? <hello@fablab-nord\.example>$/);
    expect(header(audit, "Subject")).toMatch(/^\[Fablab Nord\] /);
    expect(audit).toContain("-- \r\nFablab Nord");
  });
});
