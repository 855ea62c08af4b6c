import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { profiles } from "@/lib/db/schema";
import { mailBookingCancelledByOther } from "../calendar/booking-mail";
import { bookMachine, cancelMachineBooking } from "../calendar/machine-bookings";
import { createCalendarFixture, type CalendarFixture } from "../calendar/testing/calendar-fixture";
import { mailLent, mailReturned } from "../inventory/loan-mail";
import { lendThing, returnThing } from "../inventory/loans";
import { createThing } from "../inventory/things";
import { mailApplicationApproved, mailApplicationReceived, mailApplicationRejected, mailStatusChanged, statusOf } from "../people/application-mail";
import { approveApplicant } from "../people/applicant-signup";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import { unfold, type Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { scheduleSession } from "../training/session-service";
import { signUp } from "../training/signup-service";
import { mailSignedUp } from "../training/training-notices";
import { mailPreferencesOf, setMailPreferences } from "./preferences";

let f: CalendarFixture;
let inbox: Inbox;
let trainer: number;
databaseWithInbox(createCalendarFixture, async (fixture, mail) => {
  [f, inbox] = [fixture, mail];
  trainer = (await f.t.db.select().from(profiles).where(eq(profiles.email, "trainer@makerspace.local")))[0]!.personId;
});

const last = (to: string) => unfold(inbox.mails.filter((m) => m.to.includes(to)).at(-1)?.raw ?? "");
const TZ = "Europe/Vienna";

describe("mails at the moments that matter, over SMTP, in the person's language", () => {
  it("application received and approved; status changed (essential: sent whatever the choices)", async () => {
    await setMailPreferences(f.t.db, f.applicant, f.applicant, []);
    expect(await mailApplicationReceived(f.t.db, inbox.mailer, f.applicant)).toBe("sent");
    expect(last("applicant@makerspace.local")).toContain("Your application is now with the board");
    const before = await statusOf(f.t.db, f.applicant);
    expect(await approveApplicant(f.t.db, f.admin, f.applicant)).toMatchObject({ ok: true });
    expect(await mailApplicationApproved(f.t.db, inbox.mailer, f.applicant)).toBe("sent");
    expect(last("applicant@makerspace.local")).toMatch(/approved your application[\s\S]*Your membership status: Member/);
    expect(await mailStatusChanged(f.t.db, inbox.mailer, f.applicant, before!)).toBe("sent");
    expect(last("applicant@makerspace.local")).toContain('changed from "Applicant" to "Member"');
    expect(await mailApplicationRejected(f.t.db, inbox.mailer, f.applicant)).toBe("sent");
  });

  it("training sign-up and waitlist, in German for a German reader; off when the person turned trainings off", async () => {
    await f.t.db.update(profiles).set({ preferredLanguage: "de" }).where(eq(profiles.personId, f.maria));
    const s = await scheduleSession(f.t.db, trainer, {
      equipmentTypeId: await typeOfLaser(),
      level: "user",
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
      capacity: 1,
    });
    if (!s.ok) throw new Error(s.message);
    const seat = await signUp(f.t.db, f.maria, s.id);
    if (!seat.ok) throw new Error(seat.message);
    expect(await mailSignedUp(f.t.db, inbox.mailer, seat.signupId, TZ)).toBe("sent");
    expect(last("maria@makerspace.local")).toContain("Du hast einen Platz: Laser cutter");

    expect(await setMailPreferences(f.t.db, f.admin, f.applicant, [])).toMatchObject({ ok: false, code: "forbidden" });
    await setMailPreferences(f.t.db, f.applicant, f.applicant, ["loans", "bookings"]);
    expect(await mailPreferencesOf(f.t.db, f.applicant)).toEqual({ training: false, loans: true, bookings: true });
    const wait = await signUp(f.t.db, f.applicant, s.id);
    if (!wait.ok) throw new Error(wait.message);
    const count = inbox.mails.length;
    expect(await mailSignedUp(f.t.db, inbox.mailer, wait.signupId, TZ)).toBe("off");
    expect(inbox.mails.length).toBe(count);
    await setMailPreferences(f.t.db, f.applicant, f.applicant, ["training", "loans", "bookings"]);
    expect(await mailSignedUp(f.t.db, inbox.mailer, wait.signupId, TZ)).toBe("sent");
    expect(last("applicant@makerspace.local")).toContain("is full, so you are on its waitlist");
  });

  it("a booking cancelled by staff is mailed to its holder, not one cancelled by the holder; a thing lent and returned", async () => {
    const now = new Date();
    const day = new Date(now.getTime() + 3 * 86_400_000);
    const booked = await bookMachine(f.t.db, f.member, { machineId: f.laser, startsAt: day, endsAt: new Date(day.getTime() + 3_600_000) });
    if (!booked.ok) throw new Error(booked.message);
    const cancelled = await cancelMachineBooking(f.t.db, f.admin, booked.bookingId);
    if (!cancelled.ok) throw new Error(cancelled.message);
    expect(await mailBookingCancelledByOther(f.t.db, inbox.mailer, f.admin, cancelled, TZ)).toBe("sent");
    expect(last("member@makerspace.local")).toContain("your booking of LASER 1");
    expect(await mailBookingCancelledByOther(f.t.db, inbox.mailer, f.member, cancelled, TZ)).toBe("off");

    const thing = await createThing(f.t.db, f.admin, { name: "Soldering iron" } as never);
    if (!thing.ok) throw new Error("thing");
    const due = new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const lent = await lendThing(f.t.db, f.admin, { thingId: thing.id, borrowerPersonId: f.member, dueOn: due });
    if (!lent.ok) throw new Error("lend");
    expect(await mailLent(f.t.db, inbox.mailer, lent.loanId)).toBe("sent");
    expect(last("member@makerspace.local")).toContain('you borrowed "Soldering iron"');
    const back = await returnThing(f.t.db, f.admin, thing.id);
    if (!back.ok) throw new Error("return");
    expect(await mailReturned(f.t.db, inbox.mailer, back.loanId, TZ)).toBe("sent");
    expect(last("member@makerspace.local")).toContain('"Soldering iron" is marked as returned');
  });
});

async function typeOfLaser(): Promise<number> {
  const { machines } = await import("@/lib/db/schema");
  return (await f.t.db.select().from(machines).where(eq(machines.id, f.laser)))[0]!.equipmentTypeId;
}
