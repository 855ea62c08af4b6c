import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people } from "@/lib/db/schema";
import { calendarItems } from "../calendar/calendar-queries";
import { regenerateFeedToken } from "../calendar/feed-tokens";
import { memberRoomFeed } from "../calendar/member-room-feed";
import { registerMember } from "../calendar/registrations";
import { saveEvent } from "../calendar/save-event";
import { createCalendarFixture, type CalendarFixture } from "../calendar/testing/calendar-fixture";
import { personSeesMembersOnly, seesMembersOnly } from "./members-only";
import { permissionsOfPerson } from "./person-permissions";

let f: CalendarFixture;
let membersOnly = 0;
let open = 0;
beforeAll(async () => {
  f = await createCalendarFixture();
  const at = { startsAt: "2027-10-05T17:00:00Z", endsAt: "2027-10-05T19:00:00Z", timeZone: "Europe/Vienna", roomIds: [f.roomA] };
  const a = await saveEvent(f.t.db, f.admin, { title: "Members' evening", visibility: "members", ...at });
  const b = await saveEvent(f.t.db, f.admin, {
    title: "Open day",
    visibility: "public",
    ...at,
    startsAt: "2027-10-06T17:00:00Z",
    endsAt: "2027-10-06T19:00:00Z",
  });
  if (!a.ok || !b.ok) throw new Error(`events not saved: ${JSON.stringify([a, b])}`);
  membersOnly = a.eventId;
  open = b.eventId;
});
afterAll(() => f.t.close());

const viewerOf = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(f.t.db, personId) });
const range = { from: new Date("2027-10-01T00:00:00Z"), to: new Date("2027-11-01T00:00:00Z") };

describe("members-only content", () => {
  it("is for people in good standing: not for visitors, applicants, nor once someone is no longer a member", async () => {
    expect(seesMembersOnly(null)).toBe(false);
    expect(seesMembersOnly(await viewerOf(f.applicant))).toBe(false);
    expect(seesMembersOnly(await viewerOf(f.member))).toBe(true);
    expect(await personSeesMembersOnly(f.t.db, f.admin)).toBe(true);
    // The calendar, room pages and start page ask the rule; an applicant's calendar is a visitor's.
    const titles = async (personId: number) =>
      (await calendarItems(f.t.db, { ...range, includeMembersOnly: seesMembersOnly(await viewerOf(personId)), roomId: f.roomA })).map((i) => i.title);
    expect(await titles(f.applicant)).toEqual(["Open day"]);
    expect((await titles(f.member)).sort()).toEqual(["Members' evening", "Open day"]);
  });

  it("refuses an applicant's sign-up for a members-only event as if it did not exist; public events stay open to them", async () => {
    expect(await registerMember(f.t.db, { eventId: membersOnly, personId: f.applicant })).toMatchObject({ ok: false, code: "not_found" });
    expect(await registerMember(f.t.db, { eventId: open, personId: f.applicant })).toMatchObject({ ok: true, status: "signed_up" });
    expect(await registerMember(f.t.db, { eventId: membersOnly, personId: f.member })).toMatchObject({ ok: true, status: "signed_up" });
  });

  it("keeps the members' room feed from an applicant's token, and from a member's once they become an applicant", async () => {
    const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2027-10-01T00:00:00Z") };
    expect(await memberRoomFeed(f.t.db, await regenerateFeedToken(f.t.db, f.applicant), f.roomA, ctx)).toBeNull();
    const token = await regenerateFeedToken(f.t.db, f.maria);
    const feed = await memberRoomFeed(f.t.db, token, f.roomA, ctx);
    expect(feed).not.toBeNull();
    const [applicant] = await f.t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
    const [maria] = await f.t.db.select({ statusId: people.statusId }).from(people).where(eq(people.id, f.maria));
    await f.t.db.update(people).set({ statusId: applicant!.id }).where(eq(people.id, f.maria));
    try {
      expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).toBeNull();
    } finally {
      await f.t.db.update(people).set({ statusId: maria!.statusId }).where(eq(people.id, f.maria));
    }
  });
});
