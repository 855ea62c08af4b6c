import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventByRef } from "@/lib/domain/calendar/event-ref";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { submitForm } from "../testing/forms";
import { startWebApp, type WebApp } from "../testing/web-app";

// Links in mails come from the space's public address, whatever Host / X-Forwarded-* a request claims: the built
// web server, a real SMTP server, and requests forged as curl sends them.
const PUBLIC = "https://space.example.org";
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", origin: "http://evil.example" };
let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;
let app: WebApp;

databaseWithInbox(createDemoDatabase, (database, mail) => {
  [t, ids, inbox] = [database, database.ids, mail];
});
beforeAll(async () => {
  // TRUST_PROXY=all: even a server told to believe forwarding headers must not build mail links from them.
  app = await startWebApp(t.url, {
    SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
    PUBLIC_URL: PUBLIC,
    TRUST_PROXY: "all",
    LOGIN_MAX_PER_IP: "1000",
    LOG_LEVEL: "debug",
  });
}, 15 * 60_000);
afterAll(() => app?.stop());

async function mailTo(address: string): Promise<string> {
  const mail = await inbox
    .waitFor((m) => m.to.includes(address), 30_000)
    .catch((error: Error) => {
      throw new Error(`${error.message}. Server output:\n${app.output()}`);
    });
  return unfold(mail.raw);
}

const linksIn = (mail: string) => mail.match(/https?:\/\/[^\s"<>]+/g) ?? [];

describe("links in mails under a forged Host header", () => {
  it("password reset: the link starts with the public address", { timeout: 60_000 }, async () => {
    const r = await submitForm(app.port, "/forgot-password", { email: "member@makerspace.local" }, FORGED);
    expect(r.status).toBe(200);
    const mail = await mailTo("member@makerspace.local");
    expect(mail).not.toContain("evil.example");
    const link = linksIn(mail).find((l) => l.includes("/reset-password/"));
    expect(link).toMatch(new RegExp(`^${PUBLIC}/reset-password/[A-Za-z0-9_-]+$`));
    // Mail goes through SMTP here: even at LOG_LEVEL=debug the server's log holds neither the link nor its token.
    expect(app.output()).not.toContain(link!.split("/").at(-1)!);
    expect(app.output()).not.toContain("reset-password");
  });

  it("sign-up confirmation: the link starts with the public address", { timeout: 60_000 }, async () => {
    const fields = { firstName: "Nora", lastName: "New", email: "nora@example.org", password: "a-long-password-1", preferredLanguage: "en" };
    expect((await submitForm(app.port, "/signup", fields, FORGED)).status).toBe(200);
    const mail = await mailTo("nora@example.org");
    expect(mail).not.toContain("evil.example");
    expect(linksIn(mail).find((l) => l.includes("/signup/confirm"))).toMatch(new RegExp(`^${PUBLIC}/signup/confirm\\?token=[A-Za-z0-9_-]+$`));
  });

  it("guest registration: the confirmation link starts with the public address", { timeout: 60_000 }, async () => {
    const saved = await saveEvent(t.db, ids.admin!, {
      title: "Open day",
      startsAt: "2030-05-04T10:00:00Z",
      endsAt: "2030-05-04T12:00:00Z",
      timeZone: "Europe/Vienna",
      visibility: "public",
      capacity: 10,
    });
    if (!saved.ok) throw new Error(saved.message);
    const event = await eventByRef(t.db, String(saved.eventId));
    expect((await submitForm(app.port, `/events/${event!.slug}`, { name: "Gina", email: "gina@example.org" }, FORGED)).status).toBe(200);
    const mail = await mailTo("gina@example.org");
    expect(mail).not.toContain("evil.example");
    expect(linksIn(mail).find((l) => l.includes("/events/confirm/"))).toMatch(new RegExp(`^${PUBLIC}/events/confirm/[A-Za-z0-9_-]+$`));
  });
});
