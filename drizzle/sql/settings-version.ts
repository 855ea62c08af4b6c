/**
 * The settings' version (lib/domain/settings/settings-version.ts): a counter the web processes and the broker keep
 * their copies of admin-saved data by (the space settings with their wording, access choices, CORS origins and logo;
 * the room list). Every statement that writes one of these tables adds one, so another process sees a save on its
 * next read of the counter, not after a time to live.
 *
 * A row, not a sequence: it is transactional, so a reader that sees the new value also sees the saved rows (a
 * sequence moves before the commit: a reader would load the old rows and keep them under the new value). A
 * statement-level trigger: these tables are written rarely (an admin's save), so the row lock the bump holds until
 * the commit serialises nobody who matters. TRUNCATE (a restore with --force) bumps too; the triggers fire always,
 * also with session_replication_role = replica (a restore by a superuser). In ms_internal, so backups neither carry
 * nor reset it. Idempotent; applied after migrations.
 */
export const SETTINGS_TABLES = ["space_settings", "rooms"] as const;

export const SETTINGS_VERSION_TRIGGERS: string[] = [
  `create schema if not exists ms_internal`,
  `create table if not exists ms_internal.settings_version (id int primary key check (id = 1), version bigint not null)`,
  `insert into ms_internal.settings_version values (1, 0) on conflict (id) do nothing`,
  `create or replace function ms_internal.bump_settings_version() returns trigger language plpgsql as $$
   begin
     update ms_internal.settings_version set version = version + 1 where id = 1;
     return null;
   end $$`,
  ...SETTINGS_TABLES.flatMap((table) => [
    `drop trigger if exists ms_settings_version on ${table}`,
    `create trigger ms_settings_version after insert or update or delete or truncate on ${table}
     for each statement execute function ms_internal.bump_settings_version()`,
    `alter table ${table} enable always trigger ms_settings_version`,
  ]),
];
