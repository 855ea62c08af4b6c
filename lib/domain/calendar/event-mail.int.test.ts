import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { eventRegistrations, spaceSettings } from "@/lib/db/schema";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox, ReceivedMail } from "@/lib/domain/mail/testing/smtp-inbox";
import type { Mailer } from "../mail/mailer";
import { confirmGuestRegistration, guestRegistrationByToken, requestGuestRegistration } from "./guest-registrations";
import { cancelRegistration, registerMember } from "./registrations";
import { saveEvent, setEventCancelled } from "./save-event";
import { loadSpaceSettings } from "../settings/space-settings";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
let smtp: Inbox;
databaseWithInbox(createCalendarFixture, (fixture, inbox) => {
  f = fixture;
  smtp = inbox;
});
afterEach(() => {
  smtp.mails.length = 0;
});

async function event(title: string, over: Record<string, unknown> = {}): Promise<number> {
  const r = await saveEvent(f.t.db, f.admin, { title, startsAt: "2027-10-12T17:00:00Z", endsAt: "2027-10-12T19:00:00Z", timeZone: "Europe/Vienna", ...over });
  if (!r.ok) throw new Error(r.message);
  return r.eventId;
}
const to = (m: ReceivedMail) => m.to.join(",");

async function confirmedGuest(eventId: number, email: string): Promise<void> {
  expect(await requestGuestRegistration(f.t.db, smtp.mailer, { eventId, name: "Gina Guest", email })).toMatchObject({ ok: true });
  const token = /events\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.mails.at(-1)!.text)![1]!;
  expect(await confirmGuestRegistration(f.t.db, token)).toMatchObject({ ok: true });
}

describe("event registration mails (real SMTP server)", () => {
  it("mails the member promoted from the waitlist, and only them", async () => {
    const id = await event("Arduino intro", { capacity: 1, visibility: "public" });
    const a = await registerMember(f.t.db, { eventId: id, personId: f.maria });
    await registerMember(f.t.db, { eventId: id, personId: f.member });
    await registerMember(f.t.db, { eventId: id, personId: f.applicant });
    if (!a.ok) throw new Error(a.message);
    expect(await cancelRegistration(f.t.db, { registrationId: a.registrationId, actorId: f.maria }, smtp.mailer)).toMatchObject({ ok: true });
    expect(smtp.mails.map(to)).toEqual(["member@makerspace.local"]);
    expect(smtp.mails[0]!.text).toContain("Arduino intro");
    expect(smtp.mails[0]!.text).toMatch(/it is yours now|gehört jetzt dir/);
    // Cancelling a waitlisted place frees nothing: no mail.
    const waiting = (await f.t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id))).find((r) => r.personId === f.applicant)!;
    smtp.mails.length = 0;
    await cancelRegistration(f.t.db, { registrationId: waiting.id, actorId: f.applicant }, smtp.mailer);
    expect(smtp.mails).toHaveLength(0);
  });

  it("mails a promoted guest at their address", async () => {
    const id = await event("Public soldering", { capacity: 1, visibility: "public" });
    const a = await registerMember(f.t.db, { eventId: id, personId: f.maria });
    await confirmedGuest(id, "gina@example.org");
    smtp.mails.length = 0;
    if (!a.ok) throw new Error(a.message);
    await cancelRegistration(f.t.db, { registrationId: a.registrationId, actorId: f.maria }, smtp.mailer);
    expect(smtp.mails.map(to)).toEqual(["gina@example.org"]);
    // Not the typed name: whoever typed it need not own the address.
    expect(smtp.mails[0]!.text).toContain("Hello there");
    expect(smtp.mails[0]!.text).not.toContain("Gina");
  });

  it("writes to a guest in the space's saved default language (a guest has no profile to choose one)", async () => {
    // The fixture has no saved settings yet: save the defaults with German as the space's language.
    await f.t.db.insert(spaceSettings).values({ ...(await loadSpaceSettings(f.t.db)), id: 1, defaultLanguage: "de", updatedAt: new Date() });
    try {
      const id = await event("Offene Werkstatt", { capacity: 1, visibility: "public" });
      const a = await registerMember(f.t.db, { eventId: id, personId: f.maria });
      await confirmedGuest(id, "gerda@example.org");
      smtp.mails.length = 0;
      if (!a.ok) throw new Error(a.message);
      await cancelRegistration(f.t.db, { registrationId: a.registrationId, actorId: f.maria }, smtp.mailer);
      expect(smtp.mails.map(to)).toEqual(["gerda@example.org"]);
      expect(smtp.mails[0]!.text).toContain("Subject: Du hast einen Platz: Offene Werkstatt");
    } finally {
      await f.t.db.delete(spaceSettings).where(eq(spaceSettings.id, 1));
    }
  });

  it("cancelling an event mails everyone holding or waiting for a place, once; restoring mails nobody", async () => {
    const id = await event("Repair cafe", { capacity: 1, visibility: "public" });
    await registerMember(f.t.db, { eventId: id, personId: f.member });
    await registerMember(f.t.db, { eventId: id, personId: f.maria });
    const gone = await registerMember(f.t.db, { eventId: id, personId: f.applicant });
    if (!gone.ok) throw new Error(gone.message);
    await cancelRegistration(f.t.db, { registrationId: gone.registrationId, actorId: f.applicant }, smtp.mailer);
    await confirmedGuest(id, "guest2@example.org");
    smtp.mails.length = 0;
    expect(await setEventCancelled(f.t.db, f.admin, id, true, smtp.mailer)).toEqual({ ok: true });
    expect(smtp.mails.map(to).sort()).toEqual(["guest2@example.org", "maria@makerspace.local", "member@makerspace.local"]);
    expect(smtp.mails.every((m) => m.text.includes("Repair cafe"))).toBe(true);
    smtp.mails.length = 0;
    expect(await setEventCancelled(f.t.db, f.admin, id, true, smtp.mailer)).toEqual({ ok: true });
    expect(await setEventCancelled(f.t.db, f.admin, id, false, smtp.mailer)).toEqual({ ok: true });
    expect(smtp.mails).toHaveLength(0);
  });

  it("a mail server that is down does not undo the cancellation", async () => {
    const id = await event("Laser night");
    await registerMember(f.t.db, { eventId: id, personId: f.member });
    const broken: Mailer = { send: async () => Promise.reject(new Error("smtp down")) };
    expect(await setEventCancelled(f.t.db, f.admin, id, true, broken)).toEqual({ ok: true });
  });
});

describe("guest confirmation link", () => {
  it("opening the link only looks; confirming (the POST) assigns the place", async () => {
    const id = await event("Open house", { visibility: "public", capacity: 3 });
    await requestGuestRegistration(f.t.db, smtp.mailer, { eventId: id, name: "Gina", email: "gina3@example.org" });
    const token = /events\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.mails[0]!.text)![1]!;
    expect(await guestRegistrationByToken(f.t.db, token)).toEqual({
      eventId: id,
      slug: "open-house",
      title: "Open house",
      status: "pending",
      cancelled: false,
    });
    expect(await guestRegistrationByToken(f.t.db, token)).toMatchObject({ status: "pending" });
    const [row] = await f.t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
    expect(row).toMatchObject({ status: "pending", confirmedAt: null });
    expect(await confirmGuestRegistration(f.t.db, token)).toMatchObject({ ok: true, status: "signed_up" });
    expect(await guestRegistrationByToken(f.t.db, token)).toMatchObject({ status: "signed_up" });
    expect(await guestRegistrationByToken(f.t.db, "x".repeat(32))).toBeNull();
    expect(await guestRegistrationByToken(f.t.db, "<script>")).toBeNull();
  });
});
