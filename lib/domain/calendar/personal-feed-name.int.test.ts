import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import { equipmentTypes, trainingSessions, trainingSignups } from "@/lib/db/schema";
import { cachedMemberRoomFeed, cachedPersonalFeed } from "./cached-feeds";
import { regenerateFeedToken } from "./feed-tokens";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

// The personal feed's name is "<space>: my calendar" in the space's language as the admin saved it (found in review:
// it was English in every language), and a saved change of language reaches the next request of a kept feed.
let f: CalendarFixture;
const ctx = { host: "makerspace.test", baseUrl: "https://makerspace.test", now: new Date("2026-10-01T00:00:00Z") };
const ADMIN = { personId: null, permissions: new Set<string>() };

async function saveLanguage(defaultLanguage: string) {
  const current = await loadSpaceSettings(f.t.db);
  const input = settingsInputSchema.parse({
    ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? v : String(v)])),
    languages: undefined,
    smtpPassword: "",
    clearSmtpPassword: false,
    defaultLanguage,
  });
  await updateSpaceSettings(f.t.db, ADMIN, input);
}

const nameOf = (body: string) => new ICAL.Component(ICAL.parse(body) as unknown[]).getFirstPropertyValue("x-wr-calname");

beforeAll(async () => {
  f = await createCalendarFixture();
});
afterAll(() => f.t.close());

describe("the personal feed's name", () => {
  it("is in the space's saved language, and follows a change of it at the next request", async () => {
    const space = (await loadSpaceSettings(f.t.db)).name;
    const token = await regenerateFeedToken(f.t.db, f.member);
    await saveLanguage("de");
    const german = (await cachedPersonalFeed(f.t.db, token, ctx))!;
    expect(nameOf(german.body())).toBe(`${space}: mein Kalender`);
    expect(await cachedPersonalFeed(f.t.db, token, ctx)).toBe(german); // kept while nothing changes

    await saveLanguage("it");
    const italian = (await cachedPersonalFeed(f.t.db, token, ctx))!;
    expect(italian.etag).not.toBe(german.etag);
    expect(nameOf(italian.body())).toBe(`${space}: il mio calendario`);

    await saveLanguage("nl");
    expect(nameOf((await cachedPersonalFeed(f.t.db, token, ctx))!.body())).toBe(`${space}: mijn agenda`);
    await saveLanguage("en");
    expect(nameOf((await cachedPersonalFeed(f.t.db, token, ctx))!.body())).toBe(`${space}: my calendar`);
  });

  it("and so are its other texts: a training's title and level, the members' room feed's name", async () => {
    const space = (await loadSpaceSettings(f.t.db)).name;
    const [type] = await f.t.db.select().from(equipmentTypes).limit(1);
    const [session] = await f.t.db
      .insert(trainingSessions)
      .values({
        equipmentTypeId: type!.id,
        level: "owner",
        room: "Main hall",
        startsAt: new Date("2026-10-16T08:00:00Z"),
        endsAt: new Date("2026-10-16T10:00:00Z"),
        capacity: 4,
      })
      .returning();
    await f.t.db.insert(trainingSignups).values({ sessionId: session!.id, personId: f.maria, status: "signed_up" });
    const token = await regenerateFeedToken(f.t.db, f.maria);
    await saveLanguage("de");
    const personal = (await cachedPersonalFeed(f.t.db, token, ctx))!.body();
    expect(personal).toContain(`SUMMARY:Einschulung: ${type!.name} (Betreuer:in)`);
    const room = (await cachedMemberRoomFeed(f.t.db, token, f.roomA, ctx))!.body();
    expect(nameOf(room)).toBe(`${space}: Main hall (Mitglieder)`);
    expect(room).toContain(`SUMMARY:Einschulung: ${type!.name} (Betreuer:in)`);

    await saveLanguage("en");
    expect((await cachedPersonalFeed(f.t.db, token, ctx))!.body()).toContain(`SUMMARY:Training: ${type!.name} (owner)`);
    const english = (await cachedMemberRoomFeed(f.t.db, token, f.roomA, ctx))!.body();
    expect(nameOf(english)).toBe(`${space}: Main hall (members)`);
    expect(english).toContain(`SUMMARY:Training: ${type!.name} (owner)`);
  });
});
