import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * The feeds' change marker (lib/domain/calendar/feed-cache.ts): a counter bumped inside every transaction that
 * writes a table a feed reads, at its commit. It is transactional, unlike a sequence: a snapshot sees the counter
 * and the feed's rows of the same commits, so a feed read in one snapshot together with the counter is the feed of
 * that counter's value, whatever other transactions are in flight; a later request that reads the same value knows
 * nothing it shows has committed since (the counter only grows: each committed writer adds one).
 *
 * One row, bumped once per transaction (a transaction-local setting remembers it) by deferred constraint triggers:
 * they run at commit, after the transaction took every other lock it needs, so writers wait for each other only
 * while committing and cannot deadlock on it. TRUNCATE (a restore with --force) bumps at once. The triggers fire
 * always, also with session_replication_role = replica (a restore by a superuser). In its own schema, so backups
 * (the public schema) neither carry nor reset it. A writer in REPEATABLE READ or SERIALIZABLE would fail on a
 * concurrent bump: writers of these tables run in READ COMMITTED (the default). Idempotent; applied after migrations.
 */
export const FEED_TABLES = [
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
  // Personal and members' room feeds name machines (bookings) and equipment types (trainings).
  "machines",
  "equipment_types",
] as const;

const STATEMENTS: string[] = [
  // The earlier marker (a sequence bumped before commit) and its triggers; the sequence stays, as backups made
  // while it was the marker carry it and a restore sets it.
  `create sequence if not exists ms_calendar_version`,
  `create schema if not exists ms_internal`,
  `create table if not exists ms_internal.feed_marker (id int primary key check (id = 1), changes bigint not null)`,
  `insert into ms_internal.feed_marker values (1, 0) on conflict (id) do nothing`,
  `create or replace function ms_internal.bump_feed_marker() returns trigger language plpgsql as $$
   begin
     if current_setting('ms.feed_marker_bumped', true) is distinct from 'yes' then
       perform set_config('ms.feed_marker_bumped', 'yes', true);
       update ms_internal.feed_marker set changes = changes + 1 where id = 1;
     end if;
     return null;
   end $$`,
  ...FEED_TABLES.flatMap((table) => [
    `drop trigger if exists ms_calendar_version on ${table}`,
    `drop trigger if exists ms_feed_marker on ${table}`,
    `create constraint trigger ms_feed_marker after insert or update or delete on ${table}
     deferrable initially deferred for each row execute function ms_internal.bump_feed_marker()`,
    `alter table ${table} enable always trigger ms_feed_marker`,
    `drop trigger if exists ms_feed_marker_truncate on ${table}`,
    `create trigger ms_feed_marker_truncate after truncate on ${table} for each statement execute function ms_internal.bump_feed_marker()`,
    `alter table ${table} enable always trigger ms_feed_marker_truncate`,
  ]),
  `drop function if exists ms_bump_calendar_version()`,
];

export async function applyFeedMarkerTriggers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of STATEMENTS) await tx.execute(sql.raw(statement));
  });
}
