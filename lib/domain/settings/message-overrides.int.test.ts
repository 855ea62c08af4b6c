import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, profiles } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { applyMessageOverrides } from "@/lib/i18n/overrides";
import { translator } from "@/lib/i18n/translate";
import { requestPasswordReset } from "../auth/password-reset";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { checkOverride, searchWording, setMessageOverride } from "./message-overrides";
import { loadSpaceSettings } from "./space-settings";
import { settingsInputSchema, updateSpaceSettings, DefaultLanguageNotOfferedError } from "./update-settings";

const ADMIN = { personId: null, permissions: new Set<string>() };
const MEMBER = { personId: 1, permissions: new Set<string>(["directory.read"]) };
let t: DemoDatabase;
let inbox: Inbox;

databaseWithInbox(
  () => createDemoDatabase({ password: "some-password-123" }),
  (database, mail) => {
    [t, inbox] = [database, mail];
  },
);
afterAll(() => applyMessageOverrides({}));

const mailer = () => inbox.mailer;
const subjectOf = (raw: string) => raw.match(/^Subject: (.*)$/m)?.[1];

describe("checking an override", () => {
  it("refuses broken ICU, dropped or invented placeholders, tags, unknown keys and empty text", () => {
    expect(checkOverride("home.greeting", "Moin {name")).toMatchObject({ ok: false, code: "syntax" });
    expect(checkOverride("mail.reset.body", "Click here, valid {minutes} minutes")).toMatchObject({
      ok: false,
      code: "placeholders",
      message: expect.stringContaining("link, minutes"),
      expected: ["link", "minutes"],
      found: ["minutes"],
    });
    expect(checkOverride("home.greeting", "Hi {name}, {nickname}")).toMatchObject({ ok: false, code: "placeholders" });
    expect(checkOverride("home.greeting", "Hi <b>{name}</b>")).toMatchObject({ ok: false, code: "syntax" });
    expect(checkOverride("no.such.key", "x")).toMatchObject({ ok: false, code: "unknown_key" });
    expect(checkOverride("home.greeting", "  ")).toMatchObject({ ok: false, code: "empty" });
  });

  it("accepts the same placeholders in another form (a plural instead of a plain number)", () => {
    expect(checkOverride("people.count", "{count, plural, one {# lid} other {# leden}}")).toEqual({ ok: true });
    expect(checkOverride("home.greeting", "Moin {name}!")).toEqual({ ok: true });
  });
});

describe("the space's own wording", () => {
  it("only a system admin may change it", async () => {
    expect(await setMessageOverride(t.db, MEMBER, "nl", "people.count", "{count} leden")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setMessageOverride(t.db, ADMIN, "xx", "people.count", "{count} leden")).toMatchObject({ ok: false, code: "unknown_locale" });
  });

  it("is saved in the settings, audited, used at once, found by the search, and reset", async () => {
    expect(await setMessageOverride(t.db, ADMIN, "nl", "people.count", "{count, plural, one {# lid} other {# leden}}")).toEqual({ ok: true });
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 leden");
    expect(translator("de")("people.count", { count: 3 })).toBe("3 Personen");
    expect((await loadSpaceSettings(t.db)).messageOverrides).toEqual({ nl: { "people.count": "{count, plural, one {# lid} other {# leden}}" } });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.wording"));
    expect(entry).toMatchObject({
      before: { locale: "nl", key: "people.count", text: null },
      after: { locale: "nl", text: "{count, plural, one {# lid} other {# leden}}" },
    });

    const search = searchWording("nl", (await loadSpaceSettings(t.db)).messageOverrides.nl, "leden");
    expect(search.rows[0]).toMatchObject({
      key: "people.count",
      shipped: "{count, plural, one {# persoon} other {# personen}}",
      override: expect.stringContaining("leden"),
    });
    // An empty search lists what was changed.
    expect(searchWording("nl", { "people.count": "x" }, "").rows.map((r) => r.key)).toEqual(["people.count"]);

    // Another process (or a restart) learns it from the database when it loads the settings.
    applyMessageOverrides({});
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 personen");
    await loadSpaceSettings(t.db);
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 leden");

    expect(await setMessageOverride(t.db, ADMIN, "nl", "people.count", null)).toEqual({ ok: true });
    expect(translator("nl")("people.count", { count: 3 })).toBe("3 personen");
    expect((await t.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.wording.reset"))).length).toBe(1);
  });

  it("changes a mail: the reset mail's subject in the recipient's language", async () => {
    await t.db.update(profiles).set({ preferredLanguage: "it" }).where(eq(profiles.email, "member@makerspace.local"));
    expect(await setMessageOverride(t.db, ADMIN, "it", "mail.reset.subject", "La tua nuova password del FabLab")).toEqual({ ok: true });
    await requestPasswordReset(t.db, mailer(), { email: "member@makerspace.local" });
    expect(subjectOf(inbox.mails.at(-1)!.raw)).toBe("La tua nuova password del FabLab");
    // Other languages keep their text.
    await t.db.update(profiles).set({ preferredLanguage: "nl" }).where(eq(profiles.email, "member@makerspace.local"));
    await requestPasswordReset(t.db, mailer(), { email: "member@makerspace.local" });
    expect(subjectOf(inbox.mails.at(-1)!.raw)).toContain("makerspace-wachtwoord");
  });
});

describe("languages as data", () => {
  const input = async (changes: Record<string, unknown>) => {
    const current = await loadSpaceSettings(t.db);
    return settingsInputSchema.parse({
      ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)])),
      smtpPassword: "",
      clearSmtpPassword: false,
      ...changes,
    });
  };

  it("saves the languages offered, in the app's order, and refuses a default the space does not offer", async () => {
    await updateSpaceSettings(t.db, ADMIN, await input({ languages: ["it", "nl"], defaultLanguage: "nl" }));
    expect((await loadSpaceSettings(t.db)).languages).toEqual(["nl", "it"]);
    expect(settingsInputSchema.safeParse({ ...(await input({})), languages: ["nl"], defaultLanguage: "de" }).success).toBe(false);
    await expect(updateSpaceSettings(t.db, ADMIN, { ...(await input({})), languages: undefined, defaultLanguage: "de" })).rejects.toBeInstanceOf(
      DefaultLanguageNotOfferedError,
    );
    // Saving the form without the field keeps the languages (older callers).
    await updateSpaceSettings(t.db, ADMIN, { ...(await input({})), languages: undefined });
    expect((await loadSpaceSettings(t.db)).languages).toEqual(["nl", "it"]);
  });
});
