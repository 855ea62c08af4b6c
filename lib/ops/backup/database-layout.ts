import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { MigrationRecord } from "./format";

/** Table names are read from the catalog, never typed by a person; quoting still guards odd names. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function publicTables(db: Db): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.name);
}

export async function publicSequences(db: Db): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(sql`select sequencename as name from pg_sequences where schemaname = 'public' order by sequencename`);
  return rows.map((r) => r.name);
}

/** Columns a restore may write (generated columns compute themselves). */
export async function writableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`,
  );
  return rows.map((r) => r.name);
}

/** Tables ordered so that every table comes after the tables it references (self references ignored). */
export async function tablesInDependencyOrder(db: Db, tables: string[]): Promise<string[]> {
  const edges = await db.execute<{ child: string; parent: string }>(
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** drizzle's record of applied migrations; empty when the database was never migrated. */
export async function appliedMigrations(db: Db): Promise<MigrationRecord[]> {
  const exists = await db.execute<{ ok: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists[0]?.ok) return [];
  const rows = await db.execute<{ hash: string; created_at: string }>(
    sql`select hash, created_at::text from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: String(r.created_at) }));
}
