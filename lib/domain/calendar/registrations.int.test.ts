import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { eventRegistrations, profiles } from "@/lib/db/schema";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { confirmGuestRegistration, requestGuestRegistration } from "./guest-registrations";
import { listRegistrations, registrationsCsv } from "./registration-list";
import { cancelRegistration, registerMember } from "./registrations";
import { saveEvent } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
let smtp: Inbox;
databaseWithInbox(createCalendarFixture, (fixture, inbox) => {
  [f, smtp] = [fixture, inbox];
});
afterEach(() => {
  smtp.mails.length = 0;
});

async function event(over: Record<string, unknown> = {}): Promise<number> {
  const r = await saveEvent(f.t.db, f.admin, {
    title: "Arduino intro",
    startsAt: "2027-09-01T17:00:00Z",
    endsAt: "2027-09-01T19:00:00Z",
    timeZone: "Europe/Vienna",
    ...over,
  });
  if (!r.ok) throw new Error(r.message);
  return r.eventId;
}

describe("registrations", () => {
  it("fills the capacity, then the waitlist; registering twice is refused; a cancel promotes the first waiting", async () => {
    const id = await event({ capacity: 1, responsiblePersonId: f.maria, visibility: "public" });
    const a = await registerMember(f.t.db, { eventId: id, personId: f.member });
    const b = await registerMember(f.t.db, { eventId: id, personId: f.admin });
    const c = await registerMember(f.t.db, { eventId: id, personId: f.applicant });
    expect([a, b, c].map((r) => r.ok && r.status)).toEqual(["signed_up", "waitlisted", "waitlisted"]);
    expect(await registerMember(f.t.db, { eventId: id, personId: f.member })).toMatchObject({ ok: false, code: "already_registered" });
    if (!a.ok || !b.ok) return;
    expect(await cancelRegistration(f.t.db, { registrationId: a.registrationId, actorId: f.admin })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cancelRegistration(f.t.db, { registrationId: a.registrationId, actorId: f.member })).toEqual({
      ok: true,
      promotedRegistrationId: b.registrationId,
    });
    const rows = await f.t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
    expect(rows.filter((r) => r.status === "signed_up").map((r) => r.personId)).toEqual([f.admin]);
    // After cancelling, the member may register again (onto the waitlist now).
    expect(await registerMember(f.t.db, { eventId: id, personId: f.member })).toMatchObject({ ok: true, status: "waitlisted" });
  });

  it("raising the capacity moves the longest waiting up, each mailed once the change is saved", async () => {
    const input = {
      title: "Soldering",
      startsAt: "2027-09-08T17:00:00Z",
      endsAt: "2027-09-08T19:00:00Z",
      timeZone: "Europe/Vienna",
      visibility: "public" as const,
    };
    const id = await event({ ...input, capacity: 1 });
    const regs = [];
    for (const personId of [f.member, f.admin, f.maria, f.applicant]) regs.push(await registerMember(f.t.db, { eventId: id, personId }));
    expect(regs.map((r) => r.ok && r.status)).toEqual(["signed_up", "waitlisted", "waitlisted", "waitlisted"]);
    const mailer = smtp.mailer;
    // Lowering or keeping the capacity moves nobody.
    expect(await saveEvent(f.t.db, f.admin, { ...input, capacity: 1 }, id, mailer)).toMatchObject({ ok: true, promoted: 0 });
    expect(await saveEvent(f.t.db, f.admin, { ...input, capacity: 3 }, id, mailer)).toMatchObject({ ok: true, promoted: 2 });
    const rows = await f.t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
    const signedUp = rows
      .filter((r) => r.status === "signed_up")
      .map((r) => r.personId)
      .sort();
    expect(signedUp).toEqual([f.member, f.admin, f.maria].sort());
    expect(rows.find((r) => r.personId === f.applicant)?.status).toBe("waitlisted");
    expect(smtp.mails).toHaveLength(2);
    // No capacity at all: the rest move up too.
    expect(await saveEvent(f.t.db, f.admin, { ...input }, id, mailer)).toMatchObject({ ok: true, promoted: 1 });
  });

  it("never oversells a place under concurrent sign-ups", async () => {
    const id = await event({ capacity: 2, visibility: "public" });
    const results = await Promise.all([f.member, f.admin, f.maria, f.applicant].map((personId) => registerMember(f.t.db, { eventId: id, personId })));
    expect(results.filter((r) => r.ok && r.status === "signed_up")).toHaveLength(2);
    expect(results.filter((r) => r.ok && r.status === "waitlisted")).toHaveLength(2);
  });

  it("lets the responsible person see and export the list, nobody else without calendar.write", async () => {
    const id = await event({ responsiblePersonId: f.maria });
    await registerMember(f.t.db, { eventId: id, personId: f.member });
    const list = await listRegistrations(f.t.db, f.maria, id);
    // Mario's email is for the board by default: the organiser sees his name, not his address.
    expect(list).toMatchObject({ ok: true, rows: [{ name: "Mario Rossi", email: "", status: "signed_up" }] });
    expect(await listRegistrations(f.t.db, f.admin, id)).toMatchObject({ ok: true, rows: [{ name: "Mario Rossi", email: "member@makerspace.local" }] });
    expect(await listRegistrations(f.t.db, f.member, id)).toMatchObject({ ok: false, code: "forbidden" });
    const csv = registrationsCsv(translator("en"), [{ id: 1, name: '=cmd|"x"', email: "a@b.c", guest: true, status: "signed_up", createdAt: new Date(0) }]);
    expect(csv).toBe('Name,Email,Guest,Status,Registered\r\n"\'=cmd|""x""",a@b.c,yes,signed_up,1970-01-01T00:00:00.000Z\r\n');
  });

  it("names registrants to the organiser only as each lets them see: a hidden member is a number, without email", async () => {
    const id = await event({ responsiblePersonId: f.maria });
    await registerMember(f.t.db, { eventId: id, personId: f.member });
    const mario = (visibility: Record<string, string>, boardOnly = false) =>
      f.t.db.update(profiles).set({ visibility, boardOnly }).where(eq(profiles.personId, f.member));
    const seenByMaria = async () => {
      const list = await listRegistrations(f.t.db, f.maria, id);
      return list.ok ? list.rows.map((r) => [r.name, r.email]) : list.code;
    };
    try {
      await mario({ email: "members" });
      expect(await seenByMaria()).toEqual([["Mario Rossi", "member@makerspace.local"]]);
      await mario({ email: "members" }, true); // "only the board"
      expect(await seenByMaria()).toEqual([[`#${f.member}`, ""]]);
      const csv = await listRegistrations(f.t.db, f.maria, id);
      expect(registrationsCsv(translator("en"), csv.ok ? csv.rows : [])).not.toContain("Rossi");
    } finally {
      await mario({});
    }
  });

  it("registers a guest for a public event after they confirm the mailed link, once", async () => {
    const id = await event({ visibility: "public", capacity: 5 });
    const mailer = smtp.mailer;
    const r = await requestGuestRegistration(f.t.db, mailer, { eventId: id, name: "Gina Guest", email: "Gina@Example.org" });
    expect(r.ok).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    const token = /events\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.mails[0]!.raw.replace(/=\r\n/g, ""))![1]!;
    const [pending] = await f.t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
    expect(pending).toMatchObject({ status: "pending", guestEmail: "gina@example.org" });
    expect(await requestGuestRegistration(f.t.db, mailer, { eventId: id, name: "Gina", email: "gina@example.org" })).toMatchObject({
      ok: false,
      code: "already_registered",
    });
    expect(await confirmGuestRegistration(f.t.db, token)).toMatchObject({ ok: true, status: "signed_up" });
    expect(await confirmGuestRegistration(f.t.db, token)).toMatchObject({ ok: true, status: "signed_up" });
    expect(await confirmGuestRegistration(f.t.db, "x".repeat(32))).toMatchObject({ ok: false, code: "invalid_token" });
  });

  it("refuses guests for members-only events and bad emails", async () => {
    const id = await event({ visibility: "members" });
    const mailer = { send: async () => {} };
    expect(await requestGuestRegistration(f.t.db, mailer, { eventId: id, name: "G", email: "g@example.org" })).toMatchObject({ ok: false, code: "not_public" });
    expect(await requestGuestRegistration(f.t.db, mailer, { eventId: id, name: "G", email: "nope" })).toMatchObject({ ok: false, code: "validation" });
  });
});
