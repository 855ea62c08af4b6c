import { describe, expect, it } from "vitest";
import { databaseWithInbox } from "@/lib/domain/mail/testing/database-with-inbox";
import type { Inbox } from "@/lib/domain/mail/testing/smtp-inbox";
import { sendWeeklyAnnouncement, setWeeklyAnnouncement } from "./announcements";
import { saveEvent } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
let inbox: Inbox;
const now = new Date("2026-10-10T06:00:00Z");

databaseWithInbox(
  createCalendarFixture,
  async (fixture, mail) => {
    [f, inbox] = [fixture, mail];
    const r = await saveEvent(f.t.db, f.admin, {
      title: "Open lab",
      visibility: "public",
      startsAt: "2026-10-13T17:00:00Z",
      endsAt: "2026-10-13T19:00:00Z",
      timeZone: "UTC",
      roomIds: [f.roomA],
    });
    if (!r.ok) throw new Error(r.message);
  },
  { reject: ["member@makerspace.local"] },
);

describe("weekly announcement", () => {
  it("a recipient the SMTP server refuses stops no one else and fails nothing: it is counted", async () => {
    for (const id of [f.admin, f.member, f.maria]) await setWeeklyAnnouncement(f.t.db, id, true);
    expect(await sendWeeklyAnnouncement(f.t.db, inbox.mailer, { now, timeZone: "UTC" })).toEqual({ sent: 2, failed: 1 });
    expect(inbox.mails.map((m) => m.to[0]).sort()).toEqual(["admin@makerspace.local", "maria@makerspace.local"]);
  });
});
