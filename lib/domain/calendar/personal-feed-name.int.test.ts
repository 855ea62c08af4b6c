import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpaceSettings } from "@/lib/domain/settings/space-settings";
import { settingsInputSchema, updateSpaceSettings } from "@/lib/domain/settings/update-settings";
import { cachedPersonalFeed } from "./cached-feeds";
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
});
