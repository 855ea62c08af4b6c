import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Change markers for the device broker's decision snapshot. The embedded database cannot deliver LISTEN/NOTIFY
 * across connections, so every statement on a table the snapshot reads bumps that table's row in data_versions;
 * the broker polls this tiny table (about once a second) and reloads when a version moved.
 * Statement-level: one bump per statement, however many rows it touched. Idempotent; applied after migrations.
 * The table lives here rather than in the baseline migration: it is plumbing of these triggers, not domain data.
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
] as const;

const STATEMENTS: string[] = [
  `create table if not exists data_versions (name text primary key, version bigint not null default 0)`,
  `create or replace function ms_bump_data_version() returns trigger language plpgsql as $$
   begin
     insert into data_versions (name, version) values (tg_table_name, 1)
       on conflict (name) do update set version = data_versions.version + 1;
     return null;
   end $$`,
  ...WATCHED_TABLES.flatMap((table) => [
    `drop trigger if exists ms_data_version on ${table}`,
    `create trigger ms_data_version after insert or update or delete or truncate on ${table}
     for each statement execute function ms_bump_data_version()`,
  ]),
];

export async function applyDataVersionTriggers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of STATEMENTS) await tx.execute(sql.raw(statement));
  });
}
