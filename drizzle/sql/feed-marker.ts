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

/** Markers whose changes the log keeps (feed-cache.ts builds a feed older than that whole). */
export const CHANGE_LOG_MARKERS = 1000;

export const FEED_MARKER_TRIGGERS: string[] = [
  // The earlier marker (a sequence bumped before commit) and its triggers; the sequence stays, as backups made
  // while it was the marker carry it and a restore sets it.
  `create sequence if not exists ms_calendar_version`,
  `create schema if not exists ms_internal`,
  `create table if not exists ms_internal.feed_marker (id int primary key check (id = 1), changes bigint not null)`,
  `insert into ms_internal.feed_marker values (1, 0) on conflict (id) do nothing`,
  // The change log beside the marker: which events each marker's transaction wrote (event_id) or, for a table that
  // is not about one event (rooms, settings, trainings …) or a TRUNCATE, that table as a whole (event_id null).
  // A feed kept at marker K asks what changed after K and fetches only those events again (feed-cache.ts). Only
  // the last CHANGE_LOG_MARKERS markers are kept: a feed older than that is built whole.
  `create table if not exists ms_internal.feed_changes (marker bigint not null, table_name text not null, event_id int)`,
  `create unique index if not exists feed_changes_once on ms_internal.feed_changes (marker, table_name, coalesce(event_id, 0))`,
  `create or replace function ms_internal.bump_feed_marker() returns trigger language plpgsql as $$
   declare
     m bigint;
   begin
     if current_setting('ms.feed_marker_bumped', true) is distinct from 'yes' then
       perform set_config('ms.feed_marker_bumped', 'yes', true);
       update ms_internal.feed_marker set changes = changes + 1 where id = 1 returning changes into m;
       perform set_config('ms.feed_marker_value', m::text, true);
       delete from ms_internal.feed_changes where marker <= m - ${CHANGE_LOG_MARKERS};
     else
       m := current_setting('ms.feed_marker_value')::bigint;
     end if;
     -- Each branch names only its own tables' columns (plpgsql resolves a field when its statement runs).
     if TG_OP = 'TRUNCATE' or TG_TABLE_NAME not in ('events', 'event_rooms', 'event_occurrences', 'event_registrations') then
       insert into ms_internal.feed_changes values (m, TG_TABLE_NAME, null) on conflict do nothing;
     elsif TG_TABLE_NAME = 'events' then
       if TG_OP <> 'DELETE' then insert into ms_internal.feed_changes values (m, TG_TABLE_NAME, NEW.id) on conflict do nothing; end if;
       if TG_OP <> 'INSERT' then insert into ms_internal.feed_changes values (m, TG_TABLE_NAME, OLD.id) on conflict do nothing; end if;
     else
       if TG_OP <> 'DELETE' then insert into ms_internal.feed_changes values (m, TG_TABLE_NAME, NEW.event_id) on conflict do nothing; end if;
       if TG_OP <> 'INSERT' then insert into ms_internal.feed_changes values (m, TG_TABLE_NAME, OLD.event_id) on conflict do nothing; end if;
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
