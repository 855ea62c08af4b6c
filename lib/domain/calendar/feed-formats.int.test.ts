import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { icsToJCal } from "./feed-formats";
import { icsToXCal, renderFeedAs } from "./testing/feed-conversions";
import { personalFeed } from "./personal-feed";
import { publicFeed } from "./public-feed";
import { roomFeed } from "./room-feed";
import { feedBytes, feedResponse } from "./feed-response";
import { regenerateFeedToken } from "./feed-tokens";
import type { Feed } from "./ical-feed";
import { memberRoomFeed } from "./member-room-feed";
import { registerMember } from "./registrations";
import { saveEvent, setEventCancelled } from "./save-event";
import { createCalendarFixture, memberSignedUpForTraining, type CalendarFixture } from "./testing/calendar-fixture";
import { validateXCal, xcalToJCal } from "./testing/xcal/xcal-check";

let f: CalendarFixture;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
const feeds: Record<string, Feed> = {};

async function add(input: Record<string, unknown>): Promise<number> {
  const r = await saveEvent(f.t.db, f.admin, { timeZone: "Europe/Vienna", roomIds: [f.roomA], ...input } as never);
  if (!r.ok) throw new Error(r.message);
  return r.eventId;
}

/** What a calendar app takes from a feed: every event with its times (as instants), rules and state. */
function events(jcal: unknown) {
  const cal = new ICAL.Component(jcal as never);
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      allDay: e.startDate.isDate,
      rrule: String(c.getFirstPropertyValue("rrule") ?? ""),
      exdates: c.getAllProperties("exdate").map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString()),
      status: c.getFirstPropertyValue("status"),
      url: c.getFirstPropertyValue("url"),
    };
  });
}

beforeAll(async () => {
  f = await createCalendarFixture();
  const lab = await add({
    title: 'Open lab <b>&</b> "friends" \u0007',
    description: "Bring your project;\nline two, with a comma\r\nand CRLF",
    startsAt: "2026-10-13T17:00:00Z", // Tuesday 19:00 Vienna, across the end of summer time
    endsAt: "2026-10-13T20:00:00Z",
    visibility: "public",
    recurrence: { freq: "weekly", count: 6, weekdays: [2, 4] },
    exceptionDates: ["2026-10-20"],
  });
  await add({ title: "Board meeting", startsAt: "2026-10-14T17:00:00Z", endsAt: "2026-10-14T19:00:00Z", visibility: "members" });
  const gone = await add({ title: "Cancelled talk", startsAt: "2026-10-15T17:00:00Z", endsAt: "2026-10-15T19:00:00Z", visibility: "public", roomIds: [] });
  await setEventCancelled(f.t.db, f.admin, gone, true);
  await add({ title: "Repair café", allDay: true, startsAt: "2026-10-17T00:00:00Z", endsAt: "2026-10-17T23:59:00Z", visibility: "public" });
  await registerMember(f.t.db, { eventId: lab, personId: f.member });
  await memberSignedUpForTraining(f, { startsAt: "2026-10-16T08:00:00Z", endsAt: "2026-10-16T10:00:00Z", room: "Main hall" });
  const token = await regenerateFeedToken(f.t.db, f.member);
  feeds.public = await publicFeed(f.t.db, ctx);
  feeds.room = (await roomFeed(f.t.db, f.roomA, ctx))!;
  feeds.personal = (await personalFeed(f.t.db, token, ctx))!;
  feeds.memberRoom = (await memberRoomFeed(f.t.db, token, f.roomA, ctx))!;
});
afterAll(() => f.t.close());

describe("xCal (RFC 6321) and jCal (RFC 7265) twins of every feed", () => {
  it("the fixture's feeds hold what the twins must carry", () => {
    const summaries = (name: string) =>
      events(icsToJCal(feeds[name]!.body()))
        .map((e) => e.summary)
        .sort();
    // The BEL a member typed is dropped from TEXT (RFC 5545 section 3.3.11, feed-items.ts withoutControls).
    expect(summaries("public")).toEqual(["Cancelled talk", 'Open lab <b>&</b> "friends" ', "Repair café"]);
    expect(summaries("memberRoom")).toEqual(expect.arrayContaining(["Board meeting", expect.stringMatching(/^Training: /)]));
    expect(summaries("personal")).toHaveLength(2);
  });

  for (const name of ["public", "room", "personal", "memberRoom"]) {
    it(`${name}: the xCal is valid against RFC 6321's grammar and reads back to the same calendar as the .ics`, () => {
      const ics = feeds[name]!.body();
      const xml = icsToXCal(ics);
      expect(() => validateXCal(xml)).not.toThrow();
      // Everything survives unchanged (text XML cannot carry never reaches it: the .ics drops controls).
      const expected = icsToJCal(ics);
      expect(xcalToJCal(xml)).toEqual(expected);
      expect(events(xcalToJCal(xml))).toEqual(events(expected));
    });

    it(`${name}: the jCal parses back to the same events, and re-serialises to the same iCalendar`, () => {
      const ics = feeds[name]!.body();
      const jcal = JSON.parse(renderFeedAs("json", ics));
      expect(events(jcal)).toEqual(events(icsToJCal(ics)));
      expect(new ICAL.Component(jcal).toString()).toBe(new ICAL.Component(icsToJCal(ics)).toString());
    });
  }

  it("each feed's served bytes, in every format, are those of its whole text converted at once (the twins are made part by part)", async () => {
    for (const feed of Object.values(feeds)) {
      const ics = feed.body();
      expect(feedBytes(feed, "ics").equals(Buffer.from(ics))).toBe(true);
      expect(feedBytes(feed, "json").toString("utf8")).toBe(renderFeedAs("json", ics));
      expect(feedBytes(feed, "xml").toString("utf8")).toBe(renderFeedAs("xml", ics));
      const response = await feedResponse(new Request("http://x/calendar.xml"), feed, "xml").text();
      expect(response).toBe(renderFeedAs("xml", ics));
    }
  });

  it("keeps local times, RRULE, EXDATE, all-day dates and cancellations", () => {
    const byTitle = Object.fromEntries(events(xcalToJCal(icsToXCal(feeds.public!.body()))).map((e) => [e.summary.slice(0, 8), e]));
    expect(byTitle["Open lab"]).toMatchObject({
      start: "2026-10-13T17:00:00.000Z",
      rrule: "FREQ=WEEKLY;COUNT=6;BYDAY=TU,TH",
      exdates: ["2026-10-20T17:00:00.000Z"],
    });
    expect(byTitle["Open lab"]!.description).toMatch(/^Bring your project;\nline two, with a comma\r?\nand CRLF$/);
    expect(byTitle["Repair c"]).toMatchObject({ allDay: true });
    expect(byTitle["Cancelle"]).toMatchObject({ status: "CANCELLED" });
  });

  it("the schema check is real: a broken document is refused with libxml2's reason", () => {
    const xml = icsToXCal(feeds.public!.body());
    expect(() => validateXCal(xml.replace(/<uid>(.*?)<\/uid>/, ""))).toThrow(/invalid xCal/);
    expect(() => validateXCal(xml.replace("<freq>WEEKLY</freq>", "<freq>WEAKLY</freq>"))).toThrow(/invalid xCal/);
    expect(() => validateXCal(xml.replace(/<dtstamp><date-time>[^<]+</, "<dtstamp><date-time>yesterday<"))).toThrow(/invalid xCal/);
  });

  it("answers each representation with its media type and its own ETag; 304 only for that representation's tag", () => {
    const feed = feeds.public!;
    const got = Object.fromEntries((["ics", "xml", "json"] as const).map((fmt) => [fmt, feedResponse(new Request("http://x/calendar"), feed, fmt)]));
    expect(got.ics!.headers.get("content-type")).toContain("text/calendar");
    expect(got.xml!.headers.get("content-type")).toContain("application/calendar+xml");
    expect(got.json!.headers.get("content-type")).toContain("application/calendar+json");
    const tags = Object.values(got).map((r) => r.headers.get("etag"));
    expect(new Set(tags).size).toBe(3);
    const xmlTag = got.xml!.headers.get("etag")!;
    expect(feedResponse(new Request("http://x", { headers: { "if-none-match": xmlTag } }), feed, "xml").status).toBe(304);
    expect(feedResponse(new Request("http://x", { headers: { "if-none-match": got.ics!.headers.get("etag")! } }), feed, "xml").status).toBe(200);
    expect(got.xml!.headers.get("last-modified")).toBe(got.ics!.headers.get("last-modified"));
  });
});
