import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Change marker for the calendar feeds (lib/domain/calendar/feed-cache.ts): every statement on a table a feed reads
 * advances the ms_calendar_version sequence, so a web instance serves a feed it built before until the marker moves,
 * without running its queries. Statement-level: one bump per statement, however many rows (a series' occurrences).
 * People, roles, machines and equipment types (what a personal or member feed also reads) advance ms_data_version
 * (data-versions.ts), which those feeds watch too. A sequence like that one: a fresh database still counts as empty
 * for a restore, and backups carry it. Idempotent; applied after migrations.
 */
export const CALENDAR_TABLES = [
  "events",
  "event_rooms",
  "event_occurrences",
  "event_registrations",
  "rooms",
  "space_settings",
  "training_sessions",
  "training_signups",
  "machine_bookings",
  "calendar_feed_tokens",
] as const;

const STATEMENTS: string[] = [
  `create sequence if not exists ms_calendar_version`,
  `create or replace function ms_bump_calendar_version() returns trigger language plpgsql as $$
   begin
     perform nextval('ms_calendar_version');
     return null;
   end $$`,
  ...CALENDAR_TABLES.flatMap((table) => [
    `drop trigger if exists ms_calendar_version on ${table}`,
    `create trigger ms_calendar_version after insert or update or delete or truncate on ${table}
     for each statement execute function ms_bump_calendar_version()`,
  ]),
];

export async function applyCalendarVersionTriggers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of STATEMENTS) await tx.execute(sql.raw(statement));
  });
}
