import { eventRooms, events, rooms } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { refreshOccurrences } from "@/lib/domain/calendar/save-event";

/**
 * The calendar benchmarks' events: 10 rooms, 900 single events over ±6 months around this month and 100 weekly
 * series of 20 occurrences, all public (bench:calendar, bench:pages). Returns the rooms' ids.
 */
export async function seedBenchEvents(db: Db, now = new Date()): Promise<number[]> {
  const roomRows = await db
    .insert(rooms)
    .values(Array.from({ length: 10 }, (_, i) => ({ name: `Bench room ${i + 1}` })))
    .returning();
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 17);
  for (let i = 0; i < 1000; i++) {
    const recurring = i < 100;
    const startsAt = new Date(base + (i - 500) * 4.3 * 3_600_000);
    const [row] = await db
      .insert(events)
      .values({
        title: `Event ${i}`,
        slug: `bench-event-${i}`,
        description: `Description of event ${i}\nwith two lines`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        timeZone: "Europe/Vienna",
        visibility: "public",
        ...(recurring ? { recurrenceFreq: "weekly" as const, recurrenceCount: 20, exceptionDates: [] } : {}),
      })
      .returning();
    await db.insert(eventRooms).values({ eventId: row!.id, roomId: roomRows[i % 10]!.id });
    await refreshOccurrences(db, row!, now);
  }
  return roomRows.map((r) => r.id);
}
