import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingDb } from "@/lib/db/testing/query-counter";
import { equipmentTypes, eventOccurrences, eventRooms, events, machineBookings, trainingSessions } from "@/lib/db/schema";
import { addDays, type Day, dayOf, isoDate, startOfDay } from "@/lib/time";
import { calendarDays, type DaysQuery } from "./calendar-days";
import { calendarItems } from "./calendar-queries";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

// The month's "+N more" and the agenda's cut are counted in the database: the counts must be exact (every entry of
// the day, of every kind, an entry over midnight on both days) and only what is shown may come back.
const tz = "Europe/Vienna";
const first: Day = { year: 2031, month: 3, day: 24 }; // a Monday; the clocks go forward on Sunday 30 March
let f: CalendarFixture;
let seq = 0;
const at = (dayIndex: number, hour: number, minute = 0) => new Date(startOfDay(addDays(first, dayIndex), tz).getTime() + (hour * 60 + minute) * 60_000);

async function event(startsAt: Date, endsAt: Date, opts: { visibility?: "public" | "members"; roomId?: number } = {}) {
  const n = ++seq;
  const [row] = await f.t.db
    .insert(events)
    .values({ title: `Event ${n}`, slug: `days-${n}`, startsAt, endsAt, timeZone: tz, visibility: opts.visibility ?? "public" })
    .returning();
  await f.t.db.insert(eventOccurrences).values({ eventId: row!.id, startsAt, endsAt });
  if (opts.roomId) await f.t.db.insert(eventRooms).values({ eventId: row!.id, roomId: opts.roomId });
  return row!.id;
}

const query = (over: Partial<DaysQuery>): DaysQuery => ({ first, days: 42, timeZone: tz, includeMembersOnly: true, viewer: null, ...over });
const titles = (items: { title: string }[]) => items.map((i) => i.title);

beforeAll(async () => {
  f = await createCalendarFixture();
  // Day 1 (Tuesday): 9 public events, 08:00 … 16:00, the first in room A; one members-only event; one over midnight into day 2.
  for (let h = 0; h < 9; h++) await event(at(1, 8 + h), at(1, 9 + h), { roomId: h === 0 ? f.roomA : undefined });
  await event(at(1, 7, 30), at(1, 8), { visibility: "members" });
  await event(at(1, 22), at(2, 2));
  // A training and a booking on day 1, members only.
  const [type] = await f.t.db.select().from(equipmentTypes).limit(1);
  await f.t.db
    .insert(trainingSessions)
    .values({ equipmentTypeId: type!.id, level: "user", startsAt: at(1, 6), endsAt: at(1, 7), room: "main hall", capacity: 4 });
  await f.t.db.insert(machineBookings).values({ machineId: f.laser, personId: f.member, startsAt: at(1, 18), endsAt: at(1, 19) });
  // Days 8 … 17: 20 public events each (200 entries), 30 minutes apart.
  for (let d = 8; d < 18; d++) for (let k = 0; k < 20; k++) await event(at(d, 8, 30 * k), at(d, 8, 30 * k + 20));
});
afterAll(() => f.t.close());

describe("a month's days, counted and cut in the database", () => {
  it("shows each day's first 4 entries (by start, of every kind) and counts all of them", async () => {
    const { days, shownDays } = await calendarDays(f.t.db, query({ perDay: 4 }));
    expect(shownDays).toBe(42);
    // Day 1 holds 9 + 1 members-only + 1 over midnight + 1 training + 1 booking = 13.
    expect(days[1]!.count).toBe(13);
    expect(days[1]!.items.map((i) => i.kind)).toEqual(["training", "event", "event", "event"]);
    expect(days[1]!.items[1]!.startsAt).toEqual(at(1, 7, 30));
    // The event over midnight counts on both days.
    expect(days[2]!.count).toBe(1);
    expect(days[2]!.items[0]!.startsAt).toEqual(at(1, 22));
    expect(days[8]!.count).toBe(20);
    expect(days[8]!.items).toHaveLength(4);
    expect(days[0]).toEqual({ items: [], count: 0 });
    // Only what is shown came back: 4 a day at most.
    expect(days.reduce((n, d) => n + d.items.length, 0)).toBe(4 + 1 + 10 * 4);
  });

  it("counts only what the viewer may see: a visitor's day 1 has the 9 public events and the one over midnight", async () => {
    const { days } = await calendarDays(f.t.db, query({ perDay: 4, includeMembersOnly: false }));
    expect(days[1]!.count).toBe(10);
    expect(days[1]!.items.every((i) => i.kind === "event" && i.isPublic)).toBe(true);
  });

  it("filters by room: events in the room and trainings held there by name; no bookings", async () => {
    const { days } = await calendarDays(f.t.db, query({ perDay: 4, roomId: f.roomA }));
    expect(days[1]!.count).toBe(2);
    expect(days[1]!.items.map((i) => i.kind)).toEqual(["training", "event"]);
    expect(days[1]!.items[1]).toMatchObject({ rooms: ["Main hall"] });
    expect(days[8]!.count).toBe(0);
  });

  it("gives every entry on its days exactly as the whole list does (no limit)", async () => {
    const { days } = await calendarDays(f.t.db, query({}));
    const all = await calendarItems(f.t.db, { from: startOfDay(first, tz), to: startOfDay(addDays(first, 42), tz), includeMembersOnly: true });
    for (let d = 0; d < 42; d++) {
      const iso = isoDate(addDays(first, d));
      const expected = all.filter((i) => dayOf(i.startsAt, tz) <= iso && dayOf(new Date(i.endsAt.getTime() - 1), tz) >= iso);
      expect(days[d]!.count).toBe(expected.length);
      expect(new Set(days[d]!.items.map((i) => `${i.kind}-${i.id}`))).toEqual(new Set(expected.map((i) => `${i.kind}-${i.id}`)));
    }
  });
});

describe("the days an entry is placed on", () => {
  it("an entry ending at midnight stays on its day; one from before the view or past its end is on its first and last days", async () => {
    // A week of its own, from day 50, where nothing else is; across the autumn clock change (26 October 2031) too.
    const week: Day = { year: 2031, month: 10, day: 20 };
    const on = (d: number, h: number) => new Date(startOfDay(addDays(week, d), tz).getTime() + h * 3_600_000);
    await event(on(1, 20), on(2, 0)); // ends at midnight: day 1 only
    await event(on(-1, 20), on(0, 1)); // began before the week: day 0
    await event(on(5, 23), on(6, 1)); // over midnight into the day after the change (a 25-hour day)
    await event(on(6, 12), on(9, 0)); // past the week's end: day 6
    const { days } = await calendarDays(f.t.db, query({ first: week, days: 7 }));
    const all = await calendarItems(f.t.db, { from: startOfDay(week, tz), to: startOfDay(addDays(week, 7), tz), includeMembersOnly: true });
    const counts = days.map((d) => d.count);
    expect(counts).toEqual([1, 1, 0, 0, 0, 1, 2]);
    for (let d = 0; d < 7; d++) {
      const iso = isoDate(addDays(week, d));
      const expected = all.filter((i) => dayOf(i.startsAt, tz) <= iso && dayOf(new Date(i.endsAt.getTime() - 1), tz) >= iso);
      expect(titles(days[d]!.items)).toEqual(titles(expected));
    }
  });
});

describe("the agenda, cut in the database", () => {
  it("stops before the day whose entries would pass the limit, whole days only", async () => {
    // Entries: day 1 has 13, day 2 one, then 20 a day from day 8: 14, 34, 54, … 154 on day 14.
    const { days, shownDays } = await calendarDays(f.t.db, query({ total: 150 }));
    expect(shownDays).toBe(14);
    expect(days.slice(0, shownDays).reduce((n, d) => n + d.items.length, 0)).toBe(134);
    expect(days.slice(shownDays).every((d) => d.items.length === 0)).toBe(true);
    expect(titles(days[13]!.items)).toHaveLength(20);
  });

  it("shows a first day over the limit whole, and nothing more", async () => {
    const { days, shownDays } = await calendarDays(f.t.db, query({ first: addDays(first, 8), total: 5 }));
    expect(shownDays).toBe(1);
    expect(days[0]!.items).toHaveLength(20);
    expect(days[1]!.items).toHaveLength(0);
  });

  it("stops after an empty first day when the second passes the limit", async () => {
    const { days, shownDays } = await calendarDays(f.t.db, query({ first: addDays(first, 7), total: 5 }));
    expect(shownDays).toBe(1);
    expect(days.every((d) => d.items.length === 0)).toBe(true);
  });

  it("is not cut while the entries stay within the limit", async () => {
    expect((await calendarDays(f.t.db, query({ total: 1000 }))).shownDays).toBe(42);
  });

  it("cuts where the whole view's running count says, from any first day and for any limit", async () => {
    // The agenda reads only the entries up to its cut (agendaEntries); the view read whole, cut here, must agree:
    // full first days, a first day alone over the limit with empty days after it, an entry from before the view.
    for (const start of [0, 1, 2, 3, 7, 8, 13, 16, 17]) {
      const whole = (await calendarDays(f.t.db, query({ first: addDays(first, start) }))).days;
      for (const total of [0, 1, 5, 13, 14, 19, 20, 21, 40, 150, 1000]) {
        let upto = 0;
        const cut = whole.findIndex((day, i) => (upto += day.count) > total && i > 0 && day.count > 0);
        const expected = cut === -1 ? 42 : cut;
        const { days, shownDays } = await calendarDays(f.t.db, query({ first: addDays(first, start), total }));
        const label = `from day ${start}, ${total} at most`;
        expect(shownDays, label).toBe(expected);
        expect(days.slice(0, shownDays), label).toEqual(whole.slice(0, shownDays));
        expect(
          days.slice(shownDays).every((d) => d.items.length === 0),
          label,
        ).toBe(true);
      }
    }
  });
});

interface PlanNode {
  "Node Type": string;
  "Actual Rows": number;
  Plans?: PlanNode[];
}

describe("each view's statement", () => {
  // The plan of the one statement a view sends, with the parameters it was sent with (EXPLAIN (GENERIC_PLAN) would
  // leave them open, but PostgreSQL 15 has no such option and CI's second pass runs on 15).
  async function windowPasses(over: Partial<DaysQuery>): Promise<number> {
    const counting = countingDb(f.t.url);
    try {
      await counting.db.execute(sql`select 1`); // the connection's own first statements (array types) out of the way
      counting.reset();
      await calendarDays(counting.db, query({ includeMembersOnly: false, ...over }));
      expect(counting.queries).toHaveLength(1); // a visitor's view: no bookings, so no names asked for
      const raw = postgres(f.t.url, { max: 1, onnotice: () => {} });
      const plan = await raw.unsafe<{ "QUERY PLAN": string }[]>(`explain ${counting.queries[0]}`, counting.parameters[0] as never[]).finally(() => raw.end());
      return plan.filter((row) => /WindowAgg/.test(row["QUERY PLAN"])).length;
    } finally {
      await counting.close();
    }
  }

  /** The rows the statement's per-day window (each day's order and count) went over, as EXPLAIN ANALYZE counts them. */
  async function placedRows(over: Partial<DaysQuery>): Promise<number> {
    const counting = countingDb(f.t.url);
    try {
      await counting.db.execute(sql`select 1`);
      counting.reset();
      await calendarDays(counting.db, query({ includeMembersOnly: false, ...over }));
      const raw = postgres(f.t.url, { max: 1, onnotice: () => {} });
      const [row] = await raw
        .unsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`explain (analyze, format json) ${counting.queries[0]}`, counting.parameters[0] as never[])
        .finally(() => raw.end());
      // The innermost window (the agenda's running count and cut are computed over it).
      const windows: PlanNode[] = [];
      const walk = (node: PlanNode) => {
        if (node["Node Type"] === "WindowAgg") windows.push(node);
        node.Plans?.forEach(walk);
      };
      walk(row!["QUERY PLAN"][0].Plan);
      return windows.at(-1)!["Actual Rows"];
    } finally {
      await counting.close();
    }
  }

  it("the agenda places on their days only the entries up to its cut, not the whole six weeks'", async () => {
    // A visitor's day 1 holds 10 entries, day 2 one (over midnight), days 8 … 17 twenty each: 25 at most are cut
    // before day 8 (which would pass), and only the entries of days 1, 2 and 8 are placed and counted (31), not the
    // 211 of the six weeks.
    const { shownDays } = await calendarDays(f.t.db, query({ includeMembersOnly: false, total: 25 }));
    expect(shownDays).toBe(8);
    expect(await placedRows({ total: 25 })).toBe(31);
    expect(await placedRows({})).toBe(211);
  });

  it("the month's numbers and counts the entries of each day and nothing more: the agenda's running count is its own", async () => {
    // Each day's order (row_number) and count in one pass; the running count over the whole view and its minimum
    // (the agenda's cut) doubled the month's window passes over ~900 rows when every view ran them.
    expect(await windowPasses({ perDay: 4 })).toBe(1);
    expect(await windowPasses({ total: 150 })).toBe(3);
  });
});
