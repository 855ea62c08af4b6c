import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { eventRooms, events, rooms } from "@/lib/db/schema";
import { feedEvents } from "./feed-events";
import { personalFeed } from "./personal-feed";
import { publicFeed } from "./public-feed";
import { roomFeed } from "./room-feed";
import { regenerateFeedToken, revokeFeedToken } from "./feed-tokens";
import { feedResponse } from "./feed-response";
import { registerMember } from "./registrations";
import { saveEvent, setEventCancelled } from "./save-event";
import { createCalendarFixture, memberSignedUpForTraining, type CalendarFixture } from "./testing/calendar-fixture";
import { feedVEvents as parse } from "./testing/parse-feed";

let f: CalendarFixture;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
const ids: Record<string, number> = {};

async function add(key: string, input: Record<string, unknown>) {
  const r = await saveEvent(f.t.db, f.admin, { timeZone: "Europe/Vienna", ...input } as never);
  if (!r.ok) throw new Error(r.message);
  ids[key] = r.eventId;
}

beforeAll(async () => {
  f = await createCalendarFixture();
  await add("lab", {
    title: "Open lab",
    description: "Bring <b>your</b> project",
    startsAt: "2026-10-13T17:00:00Z", // Tuesday 19:00 Vienna
    endsAt: "2026-10-13T20:00:00Z",
    visibility: "public",
    roomIds: [f.roomA],
    recurrence: { freq: "weekly", count: 6 },
    exceptionDates: ["2026-10-20"],
  });
  await add("secret", { title: "Board meeting", startsAt: "2026-10-14T17:00:00Z", endsAt: "2026-10-14T19:00:00Z", visibility: "members", roomIds: [f.roomA] });
  await add("gone", { title: "Cancelled talk", startsAt: "2026-10-15T17:00:00Z", endsAt: "2026-10-15T19:00:00Z", visibility: "public" });
  await setEventCancelled(f.t.db, f.admin, ids.gone!, true);
});
afterAll(() => f.t.close());

describe("public feed", () => {
  it("has public events only, with stable UIDs, local times across DST, RRULE, EXDATE and cancellations", async () => {
    const feed = await publicFeed(f.t.db, ctx);
    const evs = parse(feed.body());
    expect(evs.map((e) => e.summary).sort()).toEqual(["Cancelled talk", "Open lab"]);
    expect(feed.body()).not.toContain("Board meeting");
    const lab = evs.find((e) => e.summary === "Open lab")!;
    expect(lab.uid).toBe(`event-${ids.lab}@makerspace.test`);
    expect(lab.startDate.toJSDate().toISOString()).toBe("2026-10-13T17:00:00.000Z");
    expect(lab.location).toBe("Main hall");
    expect(lab.isRecurring()).toBe(true);
    const it = lab.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) {
      if (!lab.component.getAllProperties("exdate").some((p) => (p.getFirstValue() as ICAL.Time).compare(next!) === 0))
        starts.push(next.toJSDate().toISOString());
    }
    // 19:00 local every Tuesday: 17:00Z in summer time, 18:00Z after 25 October; the 20th is an exception.
    expect(starts).toEqual([
      "2026-10-13T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z",
      "2026-11-03T18:00:00.000Z",
      "2026-11-10T18:00:00.000Z",
      "2026-11-17T18:00:00.000Z",
    ]);
    const cancelled = evs.find((e) => e.summary === "Cancelled talk")!;
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(lab.description).toBe("Bring <b>your</b> project");
  });

  it("answers 304 to a matching If-None-Match or If-Modified-Since, 200 otherwise; the body is stable", async () => {
    const feed = await publicFeed(f.t.db, ctx);
    expect((await publicFeed(f.t.db, ctx)).etag).toBe(feed.etag);
    const first = feedResponse(new Request("http://x/calendar.ics"), feed);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/calendar");
    const etag = first.headers.get("etag")!;
    expect(feedResponse(new Request("http://x", { headers: { "if-none-match": etag } }), feed).status).toBe(304);
    expect(feedResponse(new Request("http://x", { headers: { "if-modified-since": first.headers.get("last-modified")! } }), feed).status).toBe(304);
    expect(feedResponse(new Request("http://x", { headers: { "if-none-match": '"other"' } }), feed).status).toBe(200);
    await saveEvent(f.t.db, f.admin, { title: "New", startsAt: "2026-12-01T17:00:00Z", endsAt: "2026-12-01T18:00:00Z", timeZone: "UTC", visibility: "public" });
    const after = await publicFeed(f.t.db, ctx);
    expect(feedResponse(new Request("http://x", { headers: { "if-none-match": etag } }), after).status).toBe(200);
  });
});

describe("the feeds' events", () => {
  it("are read as the table holds them: instants cut to the millisecond, weekdays, exception dates, rooms as one location", async () => {
    await add("odd", {
      title: "Odd times",
      startsAt: "2026-10-16T17:00:00Z",
      endsAt: "2026-10-16T19:00:00Z",
      visibility: "public",
      roomIds: [f.roomA, f.roomB],
      recurrence: { freq: "weekly", count: 4, weekdays: [1, 5] },
      exceptionDates: ["2026-10-19", "2026-10-23"],
    });
    // Microseconds as now() writes them, one a microsecond short of the next millisecond (cut, not rounded).
    await f.t.db
      .update(events)
      .set({ createdAt: sql`'2026-09-01 10:00:00.123999+00'`, updatedAt: sql`'2026-09-02 10:00:00.999999+00'` })
      .where(eq(events.id, ids.odd!));
    const [row] = await f.t.db.select().from(events).where(eq(events.id, ids.odd!));
    const names = await f.t.db
      .select({ name: rooms.name })
      .from(rooms)
      .where(inArray(rooms.id, [f.roomA, f.roomB]));
    const read = await feedEvents(f.t.db, undefined, [ids.odd!, ids.lab!]);
    expect(read.map((e) => e.id)).toEqual([ids.lab, ids.odd]);
    const odd = read[1]!;
    expect(odd.createdAt.toISOString()).toBe("2026-09-01T10:00:00.123Z");
    expect(odd.updatedAt.toISOString()).toBe("2026-09-02T10:00:00.999Z");
    expect(odd).toEqual({
      ...Object.fromEntries(Object.keys(odd).map((k) => [k, row![k as keyof typeof row]])),
      location: names
        .map((n) => n.name)
        .sort()
        .join(", "),
    });
    expect(odd.recurrenceWeekdays).toEqual([1, 5]);
    expect(odd.exceptionDates).toEqual(["2026-10-19", "2026-10-23"]);
    expect(read[0]!.recurrenceWeekdays).toEqual([]);
    // An event without rooms has an empty location.
    expect((await feedEvents(f.t.db, undefined, [ids.gone!]))[0]!.location).toBe("");
    await f.t.db.delete(eventRooms).where(eq(eventRooms.eventId, ids.odd!));
    await f.t.db.delete(events).where(eq(events.id, ids.odd!));
  });
});

describe("room and private feeds", () => {
  it("a room feed lists the room's public events; an unknown room is null", async () => {
    const feed = await roomFeed(f.t.db, f.roomA, ctx);
    expect(parse(feed!.body()).map((e) => e.summary)).toEqual(["Open lab"]);
    expect(await roomFeed(f.t.db, 999_999, ctx)).toBeNull();
  });

  it("the private feed has what the person signed up for, including members-only events and trainings; bad or revoked tokens give null", async () => {
    await registerMember(f.t.db, { eventId: ids.secret!, personId: f.member });
    const session = await memberSignedUpForTraining(f, { startsAt: "2026-10-20T16:00:00Z", endsAt: "2026-10-20T18:00:00Z", room: "Workshop" });
    const token = await regenerateFeedToken(f.t.db, f.member);
    const feed = await personalFeed(f.t.db, token, ctx);
    const evs = parse(feed!.body());
    expect(evs.map((e) => e.uid).sort()).toEqual([`event-${ids.secret}@makerspace.test`, `training-${session}@makerspace.test`]);
    expect(await personalFeed(f.t.db, "not-a-token", ctx)).toBeNull();
    expect(await personalFeed(f.t.db, "A".repeat(43), ctx)).toBeNull();
    const newer = await regenerateFeedToken(f.t.db, f.member);
    expect(await personalFeed(f.t.db, token, ctx)).toBeNull();
    expect(await personalFeed(f.t.db, newer, ctx)).not.toBeNull();
    await revokeFeedToken(f.t.db, f.member);
    expect(await personalFeed(f.t.db, newer, ctx)).toBeNull();
  });
});
