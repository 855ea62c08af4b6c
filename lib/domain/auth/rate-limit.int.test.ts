import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, people } from "@/lib/db/schema";
import { requestGuestRegistration } from "../calendar/guest-registrations";
import { saveEvent } from "../calendar/save-event";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { signUpApplicant } from "../people/applicant-signup";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { authenticateWithPassword } from "./authenticate";
import { takeMailFormAttempt } from "./mail-limits";
import { sourceOf } from "./rate-limit";

// The demo accounts' password is "demo-password-123" (createDemoDatabase).
let t: DemoDatabase;
let ids: Record<string, number>;
let inbox: Inbox;
const PASSWORD = "demo-password-123";

databaseWithInbox(createDemoDatabase, (database, mail) => {
  t = database;
  inbox = mail;
  ids = t.ids;
});

const login = (email: string, password: string, ip: string, limits = { maxPerAccount: 5, maxPerIp: 100, windowMinutes: 15 }) =>
  authenticateWithPassword(t.db, { email, password, ip }, limits);

describe("login limits", () => {
  it("are atomic: of 40 wrong passwords sent at once, no more than the limit are even checked", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login("trainer@makerspace.local", `wrong-${i}`, "198.51.100.7")));
    expect(results.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(35);
    const [failed] = await t.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.email, "trainer@makerspace.local"));
    expect(failed!.n).toBe(5);
    // The right password does not get through from that network either, until the window ends.
    expect(await login("trainer@makerspace.local", PASSWORD, "198.51.100.7")).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await login("trainer@makerspace.local", PASSWORD, "198.51.100.7", { maxPerAccount: 5, maxPerIp: 100, windowMinutes: 0 })).toMatchObject({
      ok: true,
    });
  });

  it("a stranger cannot lock the admin out: the back-off is per account AND source network", async () => {
    for (let i = 0; i < 20; i++) await login("admin@makerspace.local", `guess-${i}`, "203.0.113.66");
    expect(await login("admin@makerspace.local", PASSWORD, "203.0.113.66")).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await login("admin@makerspace.local", PASSWORD, "192.0.2.10")).toMatchObject({ ok: true });
    // One IPv6 customer network is one source: hopping addresses inside the /64 does not buy more guesses.
    const v6 = await Promise.all(Array.from({ length: 10 }, (_, i) => login("admin@makerspace.local", "nope", `2001:db8:aa:bb::${i + 1}`)));
    expect(v6.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(5);
    expect(await login("admin@makerspace.local", PASSWORD, "2001:db8:aa:cc::1")).toMatchObject({ ok: true });
  });

  it("one network spraying many accounts is stopped by the per-source limit; a right password gives its attempt back", async () => {
    const limits = { maxPerAccount: 5, maxPerIp: 6, windowMinutes: 15 };
    const emails = Array.from({ length: 10 }, (_, i) => `nobody${i}@example.org`);
    const results = await Promise.all(emails.map((e) => login(e, "x", "198.51.100.99", limits)));
    expect(results.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(6);
    const limits2 = { maxPerAccount: 5, maxPerIp: 2, windowMinutes: 15 };
    for (let i = 0; i < 5; i++) expect(await login("maria@makerspace.local", PASSWORD, "198.51.100.100", limits2)).toMatchObject({ ok: true });
  });

  it("sourceOf: IPv4 as is, IPv4-mapped IPv6 unwrapped, IPv6 as its /64", () => {
    expect(sourceOf("203.0.113.5")).toBe("203.0.113.5");
    expect(sourceOf("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(sourceOf("2001:0db8:00aa:00bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(sourceOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(sourceOf("")).toBe("unknown");
  });
});

describe("forms that mail a link", () => {
  const limits = { perAddress: { max: 3, windowMinutes: 60 }, perSource: { max: 5, windowMinutes: 15 } };

  it("are limited per address, from any number of networks, atomically", async () => {
    const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => takeMailFormAttempt(t.db, "reset", "victim@example.org", `10.1.${i}.1`, limits)));
    expect(takes.filter(Boolean)).toHaveLength(3);
    // Another form's counter and another address are separate.
    expect(await takeMailFormAttempt(t.db, "signup", "victim@example.org", "10.2.0.1", limits)).toBe(true);
    expect(await takeMailFormAttempt(t.db, "reset", "other@example.org", "10.2.0.1", limits)).toBe(true);
  });

  it("are limited per source network, whatever the addresses", async () => {
    const takes = await Promise.all(Array.from({ length: 12 }, (_, i) => takeMailFormAttempt(t.db, "guest", `g${i}@example.org`, "10.9.9.9", limits)));
    expect(takes.filter(Boolean)).toHaveLength(5);
  });

  it("sign-up answers the same for a registered address, and mails its owner instead", async () => {
    const before = await t.db.select({ n: count() }).from(people);
    const r = await signUpApplicant(t.db, inbox.mailer, {
      firstName: "Eve",
      lastName: "Probe",
      email: "Member@Makerspace.local",
      password: "a-long-password-1",
    });
    expect(r).toEqual({ ok: true, personId: null });
    expect(await t.db.select({ n: count() }).from(people)).toEqual(before);
    const mail = unfold(inbox.mails.at(-1)!.raw);
    expect(inbox.mails.at(-1)!.to).toEqual(["member@makerspace.local"]);
    expect(mail).toMatch(/already has an account/);
    expect(mail).toMatch(/\/forgot-password/);
    expect(mail).not.toContain("Eve");
  });

  it("a guest registration mail carries nothing the requester typed", async () => {
    const ev = await saveEvent(t.db, ids.admin!, {
      title: "Open day",
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      timeZone: "UTC",
      visibility: "public",
      capacity: 5,
    });
    if (!ev.ok) throw new Error(ev.message);
    const name = "URGENT: your account is blocked, call +1 900 555 0100 or visit evil.example";
    expect(await requestGuestRegistration(t.db, inbox.mailer, { eventId: ev.eventId, name, email: "target@example.org" })).toMatchObject({ ok: true });
    const mail = unfold(inbox.mails.at(-1)!.raw);
    expect(inbox.mails.at(-1)!.to).toEqual(["target@example.org"]);
    expect(mail).not.toMatch(/URGENT|evil\.example|900 555/);
    expect(mail).toContain("Open day");
  });
});
