import { describe, expect, it } from "vitest";
import { requestPasswordReset } from "../auth/password-reset";
import { sendWeeklyAnnouncement } from "../calendar/announcements";
import { requestGuestRegistration } from "../calendar/guest-registrations";
import { saveEvent } from "../calendar/save-event";
import { setWeeklyAnnouncement } from "../calendar/announcements";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { signUpApplicant } from "../people/applicant-signup";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { publicLink } from "./public-link";
import { normalizePublicUrl, publicUrlFromEnv } from "./public-url";
import { getSpaceSettings, settingsFromEnv } from "./space-settings";
import { savePublicUrl } from "./testing/save-settings";
import { settingsInputSchema } from "./update-settings";

let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;

databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
  ids = t.ids;
});

const last = () => unfold(inbox.mails.at(-1)!.raw);

describe("the space's public address", () => {
  it("is an http(s) origin; anything else is refused with the field's name", () => {
    expect(normalizePublicUrl("https://Space.Example.org/")).toBe("https://space.example.org");
    expect(normalizePublicUrl("http://192.168.1.5:3000")).toBe("http://192.168.1.5:3000");
    for (const bad of [
      "javascript:alert(1)",
      "ftp://x.org",
      "https://user:pw@x.org",
      "https://x.org/sub",
      "https://x.org/?a=1",
      "https://x.org/#f",
      "not a url",
      "",
    ]) {
      expect(normalizePublicUrl(bad), bad).toBeNull();
    }
    const base = { ...settingsFromEnv({ SPACE_NAME: "S", SPACE_TIME_ZONE: "UTC", DEFAULT_LANGUAGE: "en", MAIL_FROM: "a@b.c", SMTP_URL: undefined }) };
    const form = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)]));
    const parsed = settingsInputSchema.safeParse({ ...form, smtpPassword: "", clearSmtpPassword: false, publicUrl: "https://x.org/path" });
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(["publicUrl"]);
  });

  it("first comes from the environment: PUBLIC_URL, then AUTH_URL's origin, then this machine's port", () => {
    expect(publicUrlFromEnv({ PUBLIC_URL: "https://a.example/", AUTH_URL: "https://b.example/api/auth", PORT: 80 })).toBe("https://a.example");
    expect(publicUrlFromEnv({ AUTH_URL: "https://b.example/api/auth", PORT: 80 })).toBe("https://b.example");
    expect(publicUrlFromEnv({ PORT: 4000 })).toBe("http://localhost:4000");
  });

  it("once saved in the settings, every mail's links start with it", async () => {
    await savePublicUrl(t.db, "https://makers.example.net");
    expect((await getSpaceSettings(t.db)).publicUrl).toBe("https://makers.example.net");
    expect(await publicLink(t.db, "/things/7")).toBe("https://makers.example.net/things/7");

    await requestPasswordReset(t.db, inbox.mailer, { email: "member@makerspace.local" });
    expect(last()).toMatch(/https:\/\/makers\.example\.net\/reset-password\/[A-Za-z0-9_-]+/);

    await signUpApplicant(t.db, inbox.mailer, { firstName: "Ada", lastName: "L", email: "ada@example.org", password: "a-long-password-1" });
    expect(last()).toMatch(/https:\/\/makers\.example\.net\/signup\/confirm\?token=[A-Za-z0-9_-]+/);

    const ev = await saveEvent(t.db, ids.admin!, {
      title: "Open day",
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      timeZone: "UTC",
      visibility: "public",
      capacity: 5,
    });
    if (!ev.ok) throw new Error(ev.message);
    await requestGuestRegistration(t.db, inbox.mailer, { eventId: ev.eventId, name: "Gina", email: "gina@example.org" });
    expect(last()).toMatch(/https:\/\/makers\.example\.net\/events\/confirm\/[A-Za-z0-9_-]+/);

    await setWeeklyAnnouncement(t.db, ids.member!, true);
    await sendWeeklyAnnouncement(t.db, inbox.mailer, { timeZone: "UTC" });
    expect(last()).toContain(`https://makers.example.net/events/${ev.slug}`);

    // Another save changes every later link at once.
    await savePublicUrl(t.db, "http://10.0.0.2:3000");
    await requestPasswordReset(t.db, inbox.mailer, { email: "member@makerspace.local" });
    expect(last()).toMatch(/http:\/\/10\.0\.0\.2:3000\/reset-password\//);
  });
});
