import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eventRooms, events, rooms } from "@/lib/db/schema";
import { cachedFeed, type FeedSource } from "./feed-cache";
import { publicFeed, publicFeedSource } from "./public-feed";
import { roomFeed, roomFeedSource } from "./room-feed";
import { renderFeedAs } from "./testing/feed-conversions";
import { feedBytes } from "./feed-response";
import type { Feed } from "./ical-feed";
import { memberRoomFeedOf, memberRoomFeedSource } from "./member-room-feed";
import { registerMember } from "./registrations";
import { saveEvent, setEventCancelled } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

// After a change the kept feed is made again from the change log (drizzle/sql/feed-marker.ts): only the events
// changed are read again. What comes out must be the whole build's feed byte for byte, whatever the change.
let f: CalendarFixture;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
const base = { timeZone: "Europe/Vienna", visibility: "public" as const };
const ids: number[] = [];

/** The source with its whole builds and updates counted. */
function counted(source: FeedSource) {
  const counts = { builds: 0, updates: 0 };
  return {
    counts,
    source: {
      build: (db, now) => (counts.builds++, source.build(db, now)),
      update: (db, kept, changes, now) => (counts.updates++, source.update!(db, kept, changes, now)),
    } satisfies FeedSource,
  };
}

async function save(title: string, day: number, over: Record<string, unknown> = {}, id?: number): Promise<number> {
  const startsAt = `2026-10-${String(day).padStart(2, "0")}T17:00:00Z`;
  const endsAt = `2026-10-${String(day).padStart(2, "0")}T19:00:00Z`;
  const saved = await saveEvent(f.t.db, f.admin, { ...base, title, startsAt, endsAt, roomIds: [f.roomA], ...over }, id);
  if (!saved.ok) throw new Error(saved.message);
  return saved.eventId;
}

/** The same bytes, ETag and Last-Modified, and the .json/.xml twins served those of the whole text converted at once. */
const same = (made: Feed | null, whole: Feed | null) => {
  expect(made!.body()).toBe(whole!.body());
  expect(made!.etag).toBe(whole!.etag);
  expect(made!.lastModified).toEqual(whole!.lastModified);
  const text = whole!.body();
  expect(feedBytes(made!, "ics").equals(Buffer.from(text))).toBe(true);
  for (const format of ["json", "xml"] as const) expect(feedBytes(made!, format).toString("utf8")).toBe(renderFeedAs(format, text));
};

const pub = counted(publicFeedSource(ctx));
let room: ReturnType<typeof counted>;
let members: ReturnType<typeof counted>;
const served = {
  public: () => cachedFeed(f.t.db, "changes public", pub.source),
  room: () => cachedFeed(f.t.db, "changes room", room.source),
  members: () => cachedFeed(f.t.db, "changes members", members.source),
};
const whole = {
  public: () => publicFeed(f.t.db, ctx),
  room: () => roomFeed(f.t.db, f.roomA, ctx),
  members: () => memberRoomFeedOf(f.t.db, f.roomA, ctx),
};

beforeAll(async () => {
  f = await createCalendarFixture();
  room = counted(roomFeedSource(f.roomA, ctx));
  members = counted(memberRoomFeedSource(f.roomA, ctx));
  for (let day = 2; day < 20; day++) ids.push(await save(`Evening ${day}`, day));
  // Served in every format, as subscribers do: the twins' parts are kept and reused after a change.
  for (const serve of Object.values(served)) for (const format of ["ics", "json", "xml"] as const) feedBytes((await serve())!, format);
});
afterAll(() => f.t.close());

describe("a kept feed made again from the changes since", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["a renamed event", () => save("Evening 5, renamed", 5, {}, ids[3])],
    ["an event moved before all others", () => save("Evening 9", 1, {}, ids[7])],
    ["a new event", () => save("A new one", 25)],
    ["a members-only event (out of the public feeds, still in the members' one)", () => save("Evening 6", 6, { visibility: "members" }, ids[4])],
    ["an event moved to another room", () => save("Evening 7", 7, { roomIds: [f.roomB] }, ids[5])],
    ["an event in two rooms (its location)", () => save("Evening 8", 8, { roomIds: [f.roomA, f.roomB] }, ids[6])],
    ["a cancelled event", () => setEventCancelled(f.t.db, f.admin, ids[8]!, true)],
    ["a deleted event", () => f.t.db.delete(events).where(eq(events.id, ids[9]!))],
    ["two changes in a row", async () => (await save("Evening 12 a", 12, {}, ids[10]), await save("Evening 13 b", 13, {}, ids[11]))],
  ];
  for (const [what, change] of cases)
    it(`${what}: only the changed events are read, the bytes are the whole build's`, async () => {
      const before = { pub: { ...pub.counts }, room: { ...room.counts }, members: { ...members.counts } };
      await change();
      same(await served.public(), await whole.public());
      same(await served.room(), await whole.room());
      same(await served.members(), await whole.members());
      expect(pub.counts).toEqual({ builds: before.pub.builds, updates: before.pub.updates + 1 });
      expect(room.counts).toEqual({ builds: before.room.builds, updates: before.room.updates + 1 });
      expect(members.counts).toEqual({ builds: before.members.builds, updates: before.members.updates + 1 });
    });

  it("after one event changed, the .json and .xml twins convert that event alone (the others' parts are kept)", async () => {
    await save("Evening 15, converted alone", 15, {}, ids[13]);
    const feed = (await served.public())!;
    // Each item keeps its twins once made (feed-render-cache.ts): only the changed event has none yet.
    const unconverted = () => feed.parts().items.filter((i) => i.twins?.json === undefined || i.twins.xml === undefined);
    expect(unconverted().map((i) => i.text.match(/SUMMARY:.*/)![0])).toEqual(["SUMMARY:Evening 15\\, converted alone"]);
    const parse = vi.spyOn(ICAL, "parse");
    try {
      feedBytes(feed, "json");
      feedBytes(feed, "xml");
      expect(unconverted()).toEqual([]);
      // Written as jCal by hand with its text (feed-items.ts), never parsed again.
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    same(feed, await whole.public());
  });

  it("a registration (a table the public feeds do not read) keeps the very feed", async () => {
    const kept = await served.public();
    const builds = pub.counts.builds;
    expect((await registerMember(f.t.db, { eventId: ids[0]!, personId: f.member })).ok).toBe(true);
    expect(await served.public()).toBe(kept);
    expect(pub.counts.builds).toBe(builds);
  });

  it("a renamed room (every event's location) builds the feeds whole", async () => {
    const builds = pub.counts.builds;
    await f.t.db.update(rooms).set({ name: "Renamed hall" }).where(eq(rooms.id, f.roomA));
    same(await served.public(), await whole.public());
    same(await served.room(), await whole.room());
    expect((await served.public())!.body()).toContain("LOCATION:Renamed hall");
    expect(pub.counts.builds).toBe(builds + 1);
  });

  it("a room taken off an event by its link alone updates the event", async () => {
    await f.t.db.delete(eventRooms).where(eq(eventRooms.eventId, ids[1]!));
    same(await served.public(), await whole.public());
    same(await served.room(), await whole.room());
  });

  it("each event's location is its own rooms (the per-event subquery compared the rooms' id: every event got the same rooms)", async () => {
    const body = (await served.public())!.body();
    const located = (id: number) => /LOCATION:(.*)\r\n/.exec(body.slice(body.indexOf(`UID:event-${id}@`)).split("END:VEVENT")[0]!)?.[1];
    expect(located(ids[0]!)).toBe("Renamed hall");
    expect(located(ids[5]!)).toBe("Electronics lab");
    expect(located(ids[6]!)).toBe("Electronics lab\\, Renamed hall");
    expect(located(ids[1]!)).toBeUndefined();
  });
});
