import fs from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, events } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { expandOccurrences } from "@/lib/time/recurrence";

// Migration 0029 drops the occurrences that series saved before b916298 kept at (or past) their exclusive until.
// Replayed here on rows as that version stored them.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const day = 86_400_000;
/** Mondays 5–26 October 2026, all day in Vienna (the 25th is the autumn change): stored starts and ends. */
const mondays = ["2026-10-04T22:00:00Z", "2026-10-11T22:00:00Z", "2026-10-18T22:00:00Z", "2026-10-25T23:00:00Z"].map((s) => new Date(s));

async function series(slug: string, values: Partial<typeof events.$inferInsert>, stored: { startsAt: Date; endsAt: Date }[]): Promise<number> {
  const [row] = await t.db
    .insert(events)
    .values({
      title: slug,
      slug,
      startsAt: stored[0]?.startsAt ?? values.startsAt!,
      endsAt: stored[0]?.endsAt ?? values.endsAt!,
      timeZone: "Europe/Vienna",
      ...values,
    })
    .returning({ id: events.id });
  if (stored.length) await t.db.insert(eventOccurrences).values(stored.map((o) => ({ eventId: row!.id, ...o })));
  return row!.id;
}

/** 0029, then 0030 (which puts back what 0029 took from a series whose until is its start), as the migrator runs them. */
async function migrate() {
  for (const name of ["0029_occurrences_at_until.sql", "0030_degenerate_series_single.sql"]) {
    const file = fs.readFileSync(path.join(import.meta.dirname, "migrations", name), "utf8");
    for (const statement of file.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));
  }
}

const startsOf = async (eventId: number) =>
  (
    await t.db
      .select({ startsAt: eventOccurrences.startsAt })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId))
      .orderBy(asc(eventOccurrences.startsAt))
  ).map((o) => o.startsAt.toISOString());

describe("migration 0029 (occurrences at a series' until)", () => {
  it("drops the occurrences stored at or after their series' until, and nothing else", async () => {
    const allDay = mondays.map((s, i) => ({ startsAt: s, endsAt: mondays[i + 1] ?? new Date(s.getTime() + day) }));
    // "Until Sunday 25 October": the start of Monday 26 in Vienna, where the old expansion stored one more Monday.
    const ended = await series("ended", { allDay: true, recurrenceFreq: "weekly", recurrenceUntil: mondays[3] }, allDay);
    // A timed series with one stored past its until as well (the until moved earlier by hand).
    const timed = [0, 7, 14].map((d) => ({
      startsAt: new Date(Date.parse("2026-11-03T18:00:00Z") + d * day),
      endsAt: new Date(Date.parse("2026-11-03T20:00:00Z") + d * day),
    }));
    const pastUntil = await series("past-until", { recurrenceFreq: "weekly", recurrenceUntil: timed[1]!.startsAt }, timed);
    // Kept whole: an open-ended series, and a single event whose until (unused) lies before its start.
    const open = await series("open", { recurrenceFreq: "weekly" }, allDay);
    const single = await series("single", { recurrenceUntil: new Date(Date.parse("2026-01-01T00:00:00Z")) }, allDay.slice(0, 1));

    await migrate();

    expect(await startsOf(ended)).toEqual(mondays.slice(0, 3).map((d) => d.toISOString()));
    expect(await startsOf(pastUntil)).toEqual([timed[0]!.startsAt.toISOString()]);
    expect(await startsOf(open)).toEqual(mondays.map((d) => d.toISOString()));
    expect(await startsOf(single)).toEqual([mondays[0]!.toISOString()]);
    // What is left is what the series expands to now (the feed and the form agree with it).
    const [row] = await t.db.select().from(events).where(eq(events.id, ended));
    const expanded = expandOccurrences(
      {
        startsAt: row!.startsAt,
        endsAt: row!.endsAt,
        timeZone: row!.timeZone,
        allDay: row!.allDay,
        freq: row!.recurrenceFreq,
        interval: row!.recurrenceInterval,
        until: row!.recurrenceUntil,
        count: row!.recurrenceCount,
        weekdays: row!.recurrenceWeekdays,
        exceptionDates: row!.exceptionDates,
      },
      new Date(Date.parse("2027-12-31T00:00:00Z")),
    );
    expect(expanded.map((o) => o.startsAt.toISOString())).toEqual(await startsOf(ended));
  });

  it("keeps the one occurrence of a series whose until is its start (saved before 2912fe9), as the single event it showed as", async () => {
    const only = [{ startsAt: mondays[3]!, endsAt: new Date(mondays[3]!.getTime() + day) }];
    // All-day weekly on Monday 26 October "until Sunday 25": the until is the event's own start.
    const degenerate = await series(
      "degenerate",
      { startsAt: only[0]!.startsAt, endsAt: only[0]!.endsAt, allDay: true, recurrenceFreq: "weekly", recurrenceUntil: mondays[3], recurrenceWeekdays: [1] },
      only,
    );
    // The same, its one day an exception date: it showed nothing, and stays so.
    const excepted = await series(
      "excepted",
      {
        startsAt: only[0]!.startsAt,
        endsAt: only[0]!.endsAt,
        allDay: true,
        recurrenceFreq: "weekly",
        recurrenceUntil: mondays[3],
        exceptionDates: ["2026-10-26"],
      },
      [],
    );
    // Saved between b916298 and 2912fe9: the until already exclusive, so no occurrence was stored and the series showed
    // nothing (not "once", as 0030's comment has it); the form meant the one day, as it did before b916298.
    const vanished = await series(
      "vanished",
      { startsAt: only[0]!.startsAt, endsAt: only[0]!.endsAt, allDay: true, recurrenceFreq: "weekly", recurrenceUntil: mondays[3] },
      [],
    );
    // A monthly and a timed series of the same shape (a timed one starting at midnight "until the day before").
    const monthly = await series(
      "monthly",
      { startsAt: only[0]!.startsAt, endsAt: only[0]!.endsAt, allDay: true, recurrenceFreq: "monthly", recurrenceUntil: mondays[3], recurrenceCount: 5 },
      only,
    );
    const midnight = new Date("2026-11-02T23:00:00Z"); // Tuesday 3 November 00:00 in Vienna
    const timed = await series(
      "timed-midnight",
      { startsAt: midnight, endsAt: new Date(midnight.getTime() + 3_600_000), recurrenceFreq: "weekly", recurrenceUntil: midnight },
      [{ startsAt: midnight, endsAt: new Date(midnight.getTime() + 3_600_000) }],
    );
    await migrate();
    expect(await startsOf(degenerate)).toEqual([mondays[3]!.toISOString()]);
    for (const id of [vanished, monthly]) {
      expect(await startsOf(id)).toEqual([mondays[3]!.toISOString()]);
      const [single] = await t.db
        .select({ freq: events.recurrenceFreq, until: events.recurrenceUntil, count: events.recurrenceCount })
        .from(events)
        .where(eq(events.id, id));
      expect(single).toEqual({ freq: null, until: null, count: null });
    }
    expect(await startsOf(timed)).toEqual([midnight.toISOString()]);
    const [row] = await t.db.select().from(events).where(eq(events.id, degenerate));
    expect(row).toMatchObject({
      recurrenceFreq: null,
      recurrenceUntil: null,
      recurrenceInterval: 1,
      recurrenceCount: null,
      recurrenceWeekdays: [],
      exceptionDates: [],
    });
    expect(
      expandOccurrences(
        { ...row!, freq: row!.recurrenceFreq, interval: 1, until: null, count: null, weekdays: [], exceptionDates: [] },
        new Date("2027-12-31T00:00:00Z"),
      ).map((o) => o.startsAt.toISOString()),
    ).toEqual([mondays[3]!.toISOString()]);
    expect(await startsOf(excepted)).toEqual([]);
    const [kept] = await t.db.select({ freq: events.recurrenceFreq }).from(events).where(eq(events.id, excepted));
    expect(kept!.freq).toBe("weekly");
    // Run again (as a database that ran 0029 before 0030 existed): nothing doubled.
    await migrate();
    expect(await startsOf(degenerate)).toEqual([mondays[3]!.toISOString()]);
    expect(await startsOf(vanished)).toEqual([mondays[3]!.toISOString()]);
  });
});
