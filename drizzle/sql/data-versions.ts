/**
 * Change marker for the device broker's decision snapshot. The embedded database cannot deliver LISTEN/NOTIFY
 * across connections, so every statement on a table the snapshot reads advances the ms_data_version sequence;
 * the broker polls its value (about once a second) and reloads when it moved. Statement-level: one bump per
 * statement, however many rows it touched. A sequence rather than a table: backups carry it as a sequence, and a
 * fresh database still counts as empty for a restore. Idempotent; applied after migrations.
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
  `create sequence if not exists ms_data_version`,
  `create or replace function ms_bump_data_version() returns trigger language plpgsql as $$
   begin
     perform nextval('ms_data_version');
     return null;
   end $$`,
  ...WATCHED_TABLES.flatMap((table) => [
    `drop trigger if exists ms_data_version on ${table}`,
    `create trigger ms_data_version after insert or update or delete or truncate on ${table}
     for each statement execute function ms_bump_data_version()`,
  ]),
];
