import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSessionHoldsDatabase, type SessionHoldsDatabase } from "@/lib/db/testing/session-holds";
import { upcomingEvents } from "@/lib/domain/calendar/calendar-queries";
import { listNews } from "@/lib/domain/community/news";
import { openSince } from "@/lib/domain/community/open-status";
import { loadDashboard } from "@/lib/domain/machines/dashboard";
import { getSessionPerson } from "@/lib/domain/auth/session-person";
import { eq } from "drizzle-orm";
import { profiles } from "@/lib/db/schema";

// The start page asks these on every request, a visitor's too (issue 20): each statement named, so it holds the
// embedded database's one session for one round trip, not two (unnamed, postgres.js describes it first) — on a
// busy box a round trip is milliseconds, and every other client waits through it. Embedded only (the wire
// server's hold report).
let web: SessionHoldsDatabase;
let member = 0;

beforeAll(async () => {
  web = await startSessionHoldsDatabase();
  const [row] = await web.db.select({ personId: profiles.personId }).from(profiles).where(eq(profiles.email, "member@makerspace.local"));
  member = row!.personId;
}, 120_000);
afterAll(async () => {
  await web?.close();
});

describe.skipIf(process.env.TEST_PG_TEMPLATE_URL)("the start page's widgets on the embedded database", () => {
  it.each([
    ["open status", () => openSince(web.db)],
    ["next events", () => upcomingEvents(web.db, { limit: 5, includeMembersOnly: false })],
    ["news", () => listNews(web.db, null, 5)],
    ["machines (two statements)", () => loadDashboard(web.db)],
  ])("%s: one round trip per statement", async (_name, load) => {
    const mine = await web.holdsOf(load);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((h) => h.roundTrips)).toEqual(mine.map(() => 1));
  });

  // Every signed-in request reads its session's person in the layout (lib/auth/current-user.ts): the account, then
  // the right keys with a system training in one statement (were two, one after the other).
  it("a signed-in request's session: two statements, one round trip each", async () => {
    const mine = await web.holdsOf(() => getSessionPerson(web.db, member, undefined));
    expect(mine.map((h) => h.roundTrips)).toEqual([1, 1]);
  });
});
