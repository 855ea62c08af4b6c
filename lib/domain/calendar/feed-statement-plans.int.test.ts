import postgres from "postgres";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingDb } from "@/lib/db/testing/query-counter";
import { eventOccurrences, eventRegistrations, eventRooms, events } from "@/lib/db/schema";
import { personalFeedOf } from "./personal-feed";
import { roomFeed } from "./room-feed";
import { memberRoomFeedOf } from "./member-room-feed";
import { createCalendarFixture, type CalendarFixture } from "./testing/calendar-fixture";

let f: CalendarFixture;
const now = new Date("2026-10-01T00:00:00Z");
const ctx = { host: "makerspace.test", now };

beforeAll(async () => {
  f = await createCalendarFixture();
  // 120 public events, half in each room, never analyzed: the planner has no statistics (PGlite runs no autovacuum).
  const rows = await f.t.db
    .insert(events)
    .values(
      Array.from({ length: 120 }, (_, i) => ({
        title: `Event ${i}`,
        slug: `plan-event-${i}`,
        startsAt: new Date(now.getTime() + i * 3_600_000),
        endsAt: new Date(now.getTime() + i * 3_600_000 + 1_800_000),
        timeZone: "Europe/Vienna",
        visibility: "public" as const,
      })),
    )
    .returning({ id: events.id, startsAt: events.startsAt, endsAt: events.endsAt });
  await f.t.db.insert(eventRooms).values(rows.map((r, i) => ({ eventId: r.id, roomId: i % 2 ? f.roomA : f.roomB })));
  await f.t.db.insert(eventRooms).values({ eventId: rows[1]!.id, roomId: f.roomB }); // Event 1 in both rooms
  await f.t.db.insert(eventOccurrences).values(rows.map((r) => ({ eventId: r.id, startsAt: r.startsAt, endsAt: r.endsAt })));
  await f.t.db.insert(eventRegistrations).values(rows.slice(0, 30).map((r) => ({ eventId: r.id, personId: f.member, status: "signed_up" as const })));
});
afterAll(() => f.t.close());

/** A plan node of EXPLAIN (ANALYZE, FORMAT JSON), with its inner nodes. */
interface PlanNode {
  "Node Type": string;
  "Actual Loops": number;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * Each aggregation node of the events statement a feed sends and the times it ran, as PostgreSQL ran it with the
 * parameters it was sent with (no EXPLAIN (GENERIC_PLAN) on PostgreSQL 15, CI's second pass).
 */
async function aggregateLoops(build: (db: CalendarFixture["t"]["db"]) => Promise<unknown>): Promise<number[]> {
  const counting = countingDb(f.t.url);
  try {
    await counting.db.execute(sql`select 1`); // the connection's own first statements out of the way
    counting.reset();
    await build(counting.db);
    const at = counting.queries.findIndex((q) => q.includes("string_agg"));
    expect(at).toBeGreaterThanOrEqual(0);
    const raw = postgres(f.t.url, { max: 1, onnotice: () => {} });
    const [row] = await raw
      .unsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`explain (analyze, format json) ${counting.queries[at]}`, counting.parameters[at] as never[])
      .finally(() => raw.end());
    return nodes(row!["QUERY PLAN"][0].Plan)
      .filter((n) => n["Node Type"] === "Aggregate")
      .map((n) => n["Actual Loops"]);
  } finally {
    await counting.close();
  }
}

describe("a feed of a few events of many, without planner statistics", () => {
  // Before, the rooms' names were grouped for all events and joined; guessing a few events, the planner ran that
  // grouping again for each event of the room (60 times here, 100 times at 1,000 events: 108 ms instead of 3).
  it("groups each event's rooms once: a room's public feed", async () => {
    const loops = await aggregateLoops((db) => roomFeed(db, f.roomA, ctx));
    expect(loops.length).toBeGreaterThan(0);
    expect(Math.max(...loops)).toBe(1);
  });

  it("the members' room feed", async () => {
    const loops = await aggregateLoops((db) => memberRoomFeedOf(db, f.roomB, ctx));
    expect(Math.max(...loops)).toBe(1);
  });

  it("still names every room of an event, in order, and none for an event without a room", async () => {
    const [room, person] = [(await roomFeed(f.t.db, f.roomB, ctx))!, await personalFeedOf(f.t.db, f.member, ctx)];
    const location = (events: { title: string; location?: string | null }[], title: string) => events.find((e) => e.title === title)?.location;
    expect(location(room.input.events, "Event 1")).toBe("Electronics lab, Main hall");
    expect(location(person.input.events, "Event 1")).toBe("Electronics lab, Main hall");
    expect(location(person.input.events, "Event 2")).toBe("Electronics lab");
    await f.t.db.delete(eventRooms).where(eq(eventRooms.eventId, person.input.events.find((e) => e.title === "Event 3")!.id));
    expect(location((await personalFeedOf(f.t.db, f.member, ctx)).input.events, "Event 3")).toBe("");
  });

  it("a person's feed", async () => {
    const loops = await aggregateLoops((db) => personalFeedOf(db, f.member, ctx));
    expect(Math.max(...loops)).toBe(1);
  });
});
