import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { getSpaceSettings, maskSecret, settingsFromEnv } from "./space-settings";
import { SettingsNotAllowedError, settingsInputSchema, updateSpaceSettings, type SettingsInput } from "./update-settings";
import { sendTestMail } from "./test-mail";
import { createSettingsMailer } from "./settings-mailer";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import pino from "pino";

const SYSTEM = { personId: null, permissions: new Set<string>() };
let t: TestDatabase;
let inbox: Inbox;
let smtpPort = 0;
const envDefaults = { SPACE_NAME: "Env Space", SPACE_TIME_ZONE: "Europe/Vienna", DEFAULT_LANGUAGE: "en" as const, MAIL_FROM: "x@y.z", SMTP_URL: undefined };
const lastMail = () => inbox.mails.at(-1)?.raw;

// A real SMTP server that wants a login: user "mail", password "right-password".
databaseWithInbox(
  createTestDatabase,
  (database, mail) => {
    [t, inbox, smtpPort] = [database, mail, mail.port];
  },
  { login: { username: "mail", password: "right-password" } },
);

function form(overrides: Partial<Record<keyof SettingsInput, unknown>> = {}): SettingsInput {
  return settingsInputSchema.parse(raw(overrides));
}

function raw(overrides: Partial<Record<keyof SettingsInput, unknown>> = {}): Record<string, unknown> {
  return {
    name: "Fablab Test",
    logoUrl: "",
    address: "Main street 1",
    latitude: "48.2",
    longitude: "16.37",
    timeZone: "Europe/Berlin",
    yearStartMonth: "9",
    yearStartDay: "1",
    contactEmail: "info@fablab.test",
    boardEmail: "",
    website: "",
    defaultLanguage: "de",
    mailFrom: "Fablab <noreply@fablab.test>",
    smtpHost: "127.0.0.1",
    smtpPort: String(smtpPort),
    smtpSecure: false,
    smtpUser: "mail",
    smtpPassword: "right-password",
    clearSmtpPassword: false,
    retentionAuditMonths: "60",
    retentionLoginAttemptsDays: "30",
    backupKeepDaily: "7",
    backupKeepWeekly: "4",
    ...overrides,
  };
}

describe("space settings", () => {
  it("uses the environment's values until saved", async () => {
    const s = await getSpaceSettings(t.db, () => settingsFromEnv(envDefaults));
    expect(s.name).toBe("Env Space");
    expect(s.updatedAt).toBeNull();
  });

  it("saves, serves the new values at once and audits without the password", async () => {
    const saved = await updateSpaceSettings(t.db, SYSTEM, form());
    expect(saved.name).toBe("Fablab Test");
    expect((await getSpaceSettings(t.db)).name).toBe("Fablab Test");
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.update"));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain("right-password");
    expect(entries[0]!.after).toMatchObject({ name: "Fablab Test", smtpPassword: "[redacted, changed]" });
  });

  it("keeps the stored password when the field is left empty, clears it on request", async () => {
    await updateSpaceSettings(t.db, SYSTEM, form({ smtpPassword: "", name: "Renamed" }));
    expect((await getSpaceSettings(t.db)).smtpPassword).toBe("right-password");
    const last = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.update"));
    expect(last.at(-1)!.after).toEqual({ name: "Renamed" });
    await updateSpaceSettings(t.db, SYSTEM, form({ smtpPassword: "", clearSmtpPassword: true }));
    expect((await getSpaceSettings(t.db)).smtpPassword).toBeNull();
  });

  it("rejects bad input with the field's name", () => {
    const zone = settingsInputSchema.safeParse(raw({ timeZone: "Mars/Olympus", contactEmail: "nope" }));
    expect(zone.error!.issues.map((i) => i.path[0]).sort()).toEqual(["contactEmail", "timeZone"]);
    const day = settingsInputSchema.safeParse(raw({ yearStartMonth: "2", yearStartDay: "30" }));
    expect(day.error!.issues.map((i) => i.path[0])).toEqual(["yearStartDay"]);
    for (const logoUrl of ["//evil.example/x.png", "/\\evil.example/x.png", "javascript:alert(1)"]) {
      expect(settingsInputSchema.safeParse(raw({ logoUrl })).error?.issues.map((i) => i.path[0])).toEqual(["logoUrl"]);
    }
    for (const logoUrl of ["/logo.png", "https://fablab.test/logo.png"]) expect(settingsInputSchema.safeParse(raw({ logoUrl })).success).toBe(true);
  });

  it("refuses a person without system.admin", async () => {
    await expect(updateSpaceSettings(t.db, { personId: 1, permissions: new Set(["members.write"]) }, form())).rejects.toThrow(SettingsNotAllowedError);
  });

  it("masks secrets", () => {
    expect(maskSecret("supersecret1234")).toBe("••••1234");
    expect(maskSecret("short")).toBe("••••");
    expect(maskSecret(null)).toBe("");
  });

  it("sends a test mail, and says so clearly when the SMTP password is wrong", async () => {
    const s = await updateSpaceSettings(t.db, SYSTEM, form());
    expect(await sendTestMail(s, "admin@fablab.test", { subject: "Test", body: "Hello" })).toEqual({ ok: true });
    expect(lastMail()).toContain("Hello");
    const wrong = await sendTestMail({ ...s, smtpPassword: "wrong" }, "admin@fablab.test", { subject: "Test", body: "x" });
    expect(wrong).toMatchObject({ ok: false, code: "auth" });
    const closed = await sendTestMail({ ...s, smtpPort: 1 }, "admin@fablab.test", { subject: "Test", body: "x" });
    expect(closed).toMatchObject({ ok: false, code: "connection" });
  });

  it("the app's mailer follows the saved settings, and the environment before they are saved", async () => {
    const fallbackSent: string[] = [];
    const fallback = { send: async (m: { to: string }) => void fallbackSent.push(m.to) };
    const never = createSettingsMailer(async () => settingsFromEnv(envDefaults), fallback, pino({ level: "silent" }));
    await never.send({ to: "a@b.c", subject: "s", text: "via fallback" });
    expect(fallbackSent).toEqual(["a@b.c"]);
    await updateSpaceSettings(t.db, SYSTEM, form());
    const mailer = createSettingsMailer(() => getSpaceSettings(t.db), fallback, pino({ level: "silent" }));
    await mailer.send({ to: "member@fablab.test", subject: "Hi", text: "through the saved SMTP server" });
    expect(lastMail()).toContain("through the saved SMTP server");
    expect(lastMail()).toContain("noreply@fablab.test");
  });
});
