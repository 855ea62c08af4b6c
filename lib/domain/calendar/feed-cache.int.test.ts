import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, equipmentTypes, eventRooms, events, people, rooms, trainingSessions } from "@/lib/db/schema";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { cachedMemberRoomFeed, cachedPersonalFeed, cachedPublicFeed, cachedRoomFeed } from "./cached-feeds";
import { cachedFeed } from "./feed-cache";
import { publicFeed } from "./public-feed";
import { oracleText } from "./testing/ical-generator-oracle";
import { regenerateFeedToken, revokeFeedToken } from "./feed-tokens";
import { registerMember } from "./registrations";
import { saveEvent } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

// Feeds are built once per change of what they show: asked again unchanged, the same feed comes back without its
// queries; every write that changes a feed gives the next request the changed feed.
let f: CalendarFixture;
let eventId = 0;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
const base = { timeZone: "Europe/Vienna", visibility: "public" as const, startsAt: "2026-10-13T17:00:00Z", endsAt: "2026-10-13T19:00:00Z" };

beforeAll(async () => {
  f = await createCalendarFixture();
  const saved = await saveEvent(f.t.db, f.admin, { ...base, title: "Open lab", roomIds: [f.roomA] });
  if (!saved.ok) throw new Error(saved.message);
  eventId = saved.eventId;
});
afterAll(() => f.t.close());

describe("feeds built once per change", () => {
  it("builds a feed once while nothing changes, and again after any write to a table it reads", async () => {
    let builds = 0;
    const build = (db: typeof f.t.db) => {
      builds++;
      return publicFeed(db, ctx);
    };
    const first = await cachedFeed(f.t.db, "counting", build);
    expect(await cachedFeed(f.t.db, "counting", build)).toBe(first);
    expect(builds).toBe(1);
    await f.t.db.update(rooms).set({ name: "Main hall" }).where(eq(rooms.id, f.roomA)); // same value: still a write
    await cachedFeed(f.t.db, "counting", build);
    expect(builds).toBe(2);
  });

  it("a changed event changes the public feed, its room's feed and their ETags", async () => {
    const before = (await cachedPublicFeed(f.t.db, ctx))!;
    const roomBefore = (await cachedRoomFeed(f.t.db, f.roomA, ctx))!;
    expect(before.body()).toContain("SUMMARY:Open lab");
    const saved = await saveEvent(f.t.db, f.admin, { ...base, title: "Open lab, new time", roomIds: [f.roomA] }, eventId);
    expect(saved.ok).toBe(true);
    const after = (await cachedPublicFeed(f.t.db, ctx))!;
    expect(after.etag).not.toBe(before.etag);
    expect(after.body()).toContain("SUMMARY:Open lab\\, new time");
    const roomAfter = (await cachedRoomFeed(f.t.db, f.roomA, ctx))!;
    expect(roomAfter.etag).not.toBe(roomBefore.etag);
    expect(roomAfter.body()).toContain("SUMMARY:Open lab\\, new time");
  });

  it("a renamed room moves into its feed's name and the events' location", async () => {
    await cachedRoomFeed(f.t.db, f.roomA, ctx);
    await f.t.db.update(rooms).set({ name: "Big hall" }).where(eq(rooms.id, f.roomA));
    const body = (await cachedRoomFeed(f.t.db, f.roomA, ctx))!.body();
    expect(body).toContain("Big hall");
    expect((await cachedPublicFeed(f.t.db, ctx))!.body()).toContain("LOCATION:Big hall");
  });

  it("a registration shows in the personal feed at once; a revoked token is refused although its feed was kept", async () => {
    const token = await regenerateFeedToken(f.t.db, f.member);
    expect((await cachedPersonalFeed(f.t.db, token, ctx))!.body()).not.toContain("BEGIN:VEVENT");
    expect((await registerMember(f.t.db, { eventId, personId: f.member })).ok).toBe(true);
    expect((await cachedPersonalFeed(f.t.db, token, ctx))!.body()).toContain(`UID:event-${eventId}@makerspace.test`);
    await revokeFeedToken(f.t.db, f.member);
    expect(await cachedPersonalFeed(f.t.db, token, ctx)).toBeNull();
  });

  it("a renamed equipment type (a people-and-machines change) reaches the members' room feed's trainings", async () => {
    const [type] = await f.t.db.select().from(equipmentTypes).limit(1);
    await f.t.db.insert(trainingSessions).values({
      equipmentTypeId: type!.id,
      level: "user",
      room: "Big hall",
      startsAt: new Date("2026-10-16T08:00:00Z"),
      endsAt: new Date("2026-10-16T10:00:00Z"),
      capacity: 4,
    });
    const token = await regenerateFeedToken(f.t.db, f.maria);
    expect((await cachedMemberRoomFeed(f.t.db, token, f.roomA, ctx))!.body()).toContain(`SUMMARY:Training: ${type!.name} (user)`);
    await f.t.db.update(equipmentTypes).set({ name: "Renamed type" }).where(eq(equipmentTypes.id, type!.id));
    expect((await cachedMemberRoomFeed(f.t.db, token, f.roomA, ctx))!.body()).toContain("SUMMARY:Training: Renamed type (user)");
  });

  it("writes to tables no feed reads (people, the audit log: what the broker writes all day) keep the feeds", async () => {
    let builds = 0;
    const build = (db: typeof f.t.db) => {
      builds++;
      return publicFeed(db, ctx);
    };
    const first = await cachedFeed(f.t.db, "unrelated", build);
    await f.t.db.update(people).set({ joinedOn: null }).where(eq(people.id, f.member));
    await f.t.db.insert(auditLog).values({ changeType: "event.update", entity: "event", entityId: String(eventId) });
    expect(await cachedFeed(f.t.db, "unrelated", build)).toBe(first);
    expect(builds).toBe(1);
  });

  // The embedded database runs one transaction at a time: a writer in flight beside a reader needs PostgreSQL.
  it.runIf(process.env.TEST_PG_TEMPLATE_URL)(
    "a feed read while a writer of its own tables is in flight is kept, and rebuilt once that writer commits",
    async () => {
      let builds = 0;
      const build = (db: typeof f.t.db) => {
        builds++;
        return publicFeed(db, ctx);
      };
      let commit = () => {};
      const committing = new Promise<void>((resolve) => (commit = resolve));
      let wrote = () => {};
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const writer = f.t.db.transaction(async (tx) => {
        await tx.update(events).set({ title: "Moved while read", updatedAt: new Date() }).where(eq(events.id, eventId));
        wrote();
        await committing;
      });
      await written;
      const during = (await cachedFeed(f.t.db, "in flight", build))!;
      expect(during.body()).not.toContain("Moved while read");
      expect(await cachedFeed(f.t.db, "in flight", build)).toBe(during); // kept: the writer is not in its snapshot
      commit();
      await writer;
      const after = (await cachedFeed(f.t.db, "in flight", build))!;
      expect(after.body()).toContain("SUMMARY:Moved while read");
      expect(await cachedFeed(f.t.db, "in flight", build)).toBe(after);
      expect(builds).toBe(2);
    },
  );

  it("the feed read in one query of its columns is byte for byte the feed of the whole rows", async () => {
    const rows = await f.t.db.select().from(events).where(eq(events.visibility, "public")).orderBy(events.startsAt, events.id);
    const links = await f.t.db.select({ eventId: eventRooms.eventId, name: rooms.name }).from(eventRooms).innerJoin(rooms, eq(rooms.id, eventRooms.roomId));
    const whole = rows.map((e) => ({
      ...e,
      location: links
        .filter((l) => l.eventId === e.id)
        .map((l) => l.name)
        .sort()
        .join(", "),
    }));
    const expected = oracleText({ name: (await getSpaceSettings(f.t.db)).name, host: ctx.host, baseUrl: ctx.baseUrl, events: whole });
    expect((await publicFeed(f.t.db, ctx)).body()).toBe(expected);
  });
});
