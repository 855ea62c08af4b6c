/**
 * Change marker for the device broker's decision snapshot. The embedded database cannot deliver LISTEN/NOTIFY
 * across connections, so every transaction that writes a table the snapshot reads adds one to
 * ms_internal.data_version; the broker polls it (about once a second) and reloads when it moved.
 *
 * A row, not a sequence: it is transactional, so a poll that sees the new value also sees the committed rows. (The
 * earlier marker, the ms_data_version sequence, moved before the writer committed: a poll in between loaded the old
 * rows and kept them under the new value, and a revoked card or training stayed "allowed" until the next change or
 * the 30 s full reload.) Bumped once per transaction at its commit by deferred constraint triggers, like the feeds'
 * marker (feed-marker.ts): the row lock is taken after every other lock the writer needs, so writers of these tables
 * (the web's, the broker's) wait for each other only while committing and cannot deadlock on it. TRUNCATE (a restore
 * with --force) bumps at once. The triggers fire always, also with session_replication_role = replica (a restore by
 * a superuser). In ms_internal, so backups neither carry nor reset it. A writer in REPEATABLE READ or SERIALIZABLE
 * would fail on a concurrent bump: writers of these tables run in READ COMMITTED (the default). Idempotent; applied
 * after migrations.
 */
export const WATCHED_TABLES = [
  "machines",
  "equipment_types",
  "cards",
  "people",
  "profiles",
  "membership_statuses",
  "equipment_authorizations",
  "person_roles",
  "status_roles",
  "role_permissions",
  "maintenance_plans",
  "interventions",
  "board_pairings",
] as const;

export const DATA_VERSION_TRIGGERS: string[] = [
  `drop table if exists data_versions`, // an earlier form of the marker, never released
  // The earlier marker; the sequence stays, as backups made while it was the marker carry it and a restore sets it.
  `create sequence if not exists ms_data_version`,
  `create schema if not exists ms_internal`,
  `create table if not exists ms_internal.data_version (id int primary key check (id = 1), version bigint not null)`,
  `insert into ms_internal.data_version values (1, 0) on conflict (id) do nothing`,
  `create or replace function ms_internal.bump_data_version() returns trigger language plpgsql as $$
   begin
     if current_setting('ms.data_version_bumped', true) is distinct from 'yes' then
       perform set_config('ms.data_version_bumped', 'yes', true);
       update ms_internal.data_version set version = version + 1 where id = 1;
     end if;
     return null;
   end $$`,
  ...WATCHED_TABLES.flatMap((table) => [
    `drop trigger if exists ms_data_version on ${table}`,
    `create constraint trigger ms_data_version after insert or update or delete on ${table}
     deferrable initially deferred for each row execute function ms_internal.bump_data_version()`,
    `alter table ${table} enable always trigger ms_data_version`,
    `drop trigger if exists ms_data_version_truncate on ${table}`,
    `create trigger ms_data_version_truncate after truncate on ${table} for each statement execute function ms_internal.bump_data_version()`,
    `alter table ${table} enable always trigger ms_data_version_truncate`,
  ]),
  `drop function if exists ms_bump_data_version()`,
];
