import { count, eq, max } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventOccurrences, events } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { extendRecurringHorizon } from "./horizon-refresh";
import { HORIZON_DAYS } from "@/lib/time/recurrence";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;

it("extends open-ended weekly series to the horizon from now, and leaves ended ones alone", async () => {
  const start = new Date("2026-01-05T18:00:00Z");
  const base = { startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000), timeZone: "Europe/Vienna", recurrenceFreq: "weekly" as const };
  const [open] = await t.db
    .insert(events)
    .values({ ...base, title: "Open evening", slug: "open-evening" })
    .returning();
  const [ended] = await t.db
    .insert(events)
    .values({ ...base, title: "Course", slug: "course", recurrenceUntil: new Date("2026-02-01T00:00:00Z") })
    .returning();
  const stats = async (eventId: number) =>
    (
      await t.db
        .select({ n: count(), last: max(eventOccurrences.startsAt) })
        .from(eventOccurrences)
        .where(eq(eventOccurrences.eventId, eventId))
    )[0]!;

  const now = new Date("2026-11-27T03:00:00Z");
  expect(await extendRecurringHorizon(t.db, now)).toBe(1);
  const first = await stats(open!.id);
  expect(first.last!.getTime()).toBeGreaterThan(now.getTime() + (HORIZON_DAYS - 7) * DAY);
  expect(first.last!.getTime()).toBeLessThanOrEqual(now.getTime() + HORIZON_DAYS * DAY);
  expect((await stats(ended!.id)).n).toBe(0);

  // A week later the series reaches a week further; running twice changes nothing more.
  const later = new Date(now.getTime() + 7 * DAY);
  await extendRecurringHorizon(t.db, later);
  await extendRecurringHorizon(t.db, later);
  const second = await stats(open!.id);
  expect(second.n).toBe(first.n + 1);
});
