import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { equipmentTypes, membershipStatuses, people, rooms, trainingSessions } from "@/lib/db/schema";
import { personalFeed } from "./personal-feed";
import { publicFeed } from "./public-feed";
import { roomFeed } from "./room-feed";
import { regenerateFeedToken, revokeFeedToken } from "./feed-tokens";
import { memberRoomFeed } from "./member-room-feed";
import { saveEvent } from "./save-event";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";
import { feedVEvents as parse } from "./testing/parse-feed";

let f: CalendarFixture;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
let sessionId = 0;
let otherRoomSession = 0;

beforeAll(async () => {
  f = await createCalendarFixture();
  const base = { timeZone: "Europe/Vienna", roomIds: [f.roomA] };
  for (const [title, visibility, day] of [
    ["Open lab", "public", "13"],
    ["Board meeting", "members", "14"],
  ] as const) {
    const r = await saveEvent(f.t.db, f.admin, { ...base, title, visibility, startsAt: `2026-10-${day}T17:00:00Z`, endsAt: `2026-10-${day}T19:00:00Z` });
    if (!r.ok) throw new Error(r.message);
  }
  const [type] = await f.t.db.select().from(equipmentTypes).limit(1);
  const at = (d: string) => ({
    equipmentTypeId: type!.id,
    level: "user" as const,
    startsAt: new Date(`2026-10-${d}T08:00:00Z`),
    endsAt: new Date(`2026-10-${d}T10:00:00Z`),
    capacity: 4,
  });
  // The session's room is free text; it matches the room's name regardless of case.
  sessionId = (
    await f.t.db
      .insert(trainingSessions)
      .values({ ...at("16"), room: "main HALL" })
      .returning()
  )[0]!.id;
  otherRoomSession = (
    await f.t.db
      .insert(trainingSessions)
      .values({ ...at("17"), room: "Electronics lab" })
      .returning()
  )[0]!.id;
});
afterAll(() => f.t.close());

describe("trainings in feeds", () => {
  it("never appear in the public feed or a public room feed (trainings have no public flag)", async () => {
    for (const feed of [await publicFeed(f.t.db, ctx), (await roomFeed(f.t.db, f.roomA, ctx))!]) {
      const evs = parse(feed.body());
      expect(evs.map((e) => e.summary)).toEqual(["Open lab"]);
      expect(evs.some((e) => e.uid.startsWith("training-"))).toBe(false);
    }
  });

  it("appear in the members' room feed behind a feed token, with members-only events, and only for their room", async () => {
    const token = await regenerateFeedToken(f.t.db, f.member);
    const feed = await memberRoomFeed(f.t.db, token, f.roomA, ctx);
    const evs = parse(feed!.body());
    expect(evs.map((e) => e.summary).sort()).toEqual(["Board meeting", "Open lab", expect.stringMatching(/^Training: .+ \(user\)$/)].sort());
    const training = evs.find((e) => e.uid === `training-${sessionId}@makerspace.test`)!;
    expect(training.startDate.toJSDate().toISOString()).toBe("2026-10-16T08:00:00.000Z");
    expect(training.endDate.toJSDate().toISOString()).toBe("2026-10-16T10:00:00.000Z");
    expect(evs.some((e) => e.uid === `training-${otherRoomSession}@makerspace.test`)).toBe(false);
    const labB = parse((await memberRoomFeed(f.t.db, token, f.roomB, ctx))!.body());
    expect(labB.map((e) => e.uid)).toEqual([`training-${otherRoomSession}@makerspace.test`]);
  });

  it("a renamed room drops the old trainings and changes the ETag; bad, revoked tokens and unknown rooms give null", async () => {
    const token = await regenerateFeedToken(f.t.db, f.maria);
    const before = (await memberRoomFeed(f.t.db, token, f.roomA, ctx))!;
    await f.t.db.update(rooms).set({ name: "Great hall", updatedAt: new Date() }).where(eq(rooms.id, f.roomA));
    const after = (await memberRoomFeed(f.t.db, token, f.roomA, ctx))!;
    expect(after.etag).not.toBe(before.etag);
    expect(parse(after.body()).some((e) => e.uid.startsWith("training-"))).toBe(false);
    expect(await memberRoomFeed(f.t.db, token, 999_999, ctx)).toBeNull();
    expect(await memberRoomFeed(f.t.db, "not-a-token", f.roomA, ctx)).toBeNull();
    await revokeFeedToken(f.t.db, f.maria);
    expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).toBeNull();
  });
});

describe("a feed token whose owner may no longer see members' content", () => {
  it("gives null (404) once the owner is former or banned, for the room feed and the personal feed", async () => {
    const token = await regenerateFeedToken(f.t.db, f.member);
    const [p] = await f.t.db.select().from(people).where(eq(people.id, f.member));
    expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).not.toBeNull();
    for (const key of ["former", "banned"]) {
      const [status] = await f.t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, key));
      await f.t.db.update(people).set({ statusId: status!.id }).where(eq(people.id, f.member));
      expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).toBeNull();
      expect(await personalFeed(f.t.db, token, ctx)).toBeNull();
    }
    await f.t.db.update(people).set({ statusId: p!.statusId }).where(eq(people.id, f.member));
    expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).not.toBeNull();
    await f.t.db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, f.member));
    expect(await memberRoomFeed(f.t.db, token, f.roomA, ctx)).toBeNull();
  });
});
