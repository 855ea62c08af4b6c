import fs from "node:fs";
import path from "node:path";
import { syncPath } from "@/lib/fs/sync-path";
import { sql } from "drizzle-orm";
import { rebuildUsageCounters } from "@/drizzle/sql/usage-counters";
import type { Db } from "@/lib/db/client";
import { analyzeDatabase } from "../db-maintenance";
import { appliedMigrations, ident, publicTables, tablesInDependencyOrder, writableColumns } from "./database-layout";
import { BackupFileError } from "./format";
import { backupEntries } from "./read-backup";

/** Tables the database derives from others (drizzle/sql/usage-counters.ts): never loaded, always rebuilt. */
const DERIVED_TABLES = new Set(["machine_usage_counters", "plan_usage_counters"]);

export interface RestoreOptions {
  /** Empty the target's tables first instead of refusing a non-empty database. */
  force?: boolean;
  uploadsDir?: string;
}

/** Rows per table in the target database. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await publicTables(db)) {
    const [row] = await db.execute<{ n: string }>(sql.raw(`select count(*)::text as n from ${ident(table)}`));
    counts[table] = Number(row!.n);
  }
  return counts;
}

/**
 * Restores a backup file into a database migrated to the same schema version, in one transaction: on any error
 * (a damaged file is found out at the latest at its end marker) nothing is left behind. The file is streamed, rows
 * in batches, so memory stays flat whatever its size. Uploaded files are staged beside the uploads folder and moved
 * into it only after the data is committed.
 */
export async function restoreBackup(db: Db, file: string, options: RestoreOptions = {}): Promise<Record<string, number>> {
  const root = options.uploadsDir ? path.resolve(options.uploadsDir) : null;
  const staging = root ? `${root}.restoring-${process.pid}` : null;
  const staged: string[] = [];
  try {
    const counts = await db.transaction(async (tx) => {
      const tables = await publicTables(tx);
      const filled = Object.entries(await tableCounts(tx)).filter(([, n]) => n > 0);
      const order = await tablesInDependencyOrder(tx, tables);
      const parentsOf = await tableParents(tx);
      const expected = new Map<string, number>();
      const loaded = new Set<string>();
      /** Tables whose rows came before the rows of a table they reference: held in a staging table until it is loaded. */
      const waiting = new Map<string, string>();
      let replica = false;
      let table: { name: string; into: string; columns: string } | null = null;
      let stagedCount = 0;

      const flushWaiting = async () => {
        for (let progress = true; progress;) {
          progress = false;
          for (const [name, stage] of waiting) {
            if (![...(parentsOf.get(name) ?? [])].every((p) => loaded.has(p) || !expected.has(p) || p === name)) continue;
            const columns = (await writableColumns(tx, name)).map(ident).join(", ");
            await tx.execute(sql.raw(`insert into ${ident(name)} (${columns}) overriding system value select ${columns} from ${ident(stage)}`));
            await tx.execute(sql.raw(`drop table ${ident(stage)}`));
            waiting.delete(name);
            loaded.add(name);
            progress = true;
          }
        }
      };
      const finishTable = async () => {
        if (table && table.into === table.name) loaded.add(table.name);
        table = null;
        await flushWaiting();
      };

      for await (const entry of backupEntries(file)) {
        if (entry.t === "header") {
          const target = await appliedMigrations(tx);
          const last = (list: { hash: string }[]) => list.at(-1)?.hash ?? "none";
          if (last(target) !== last(entry.header.migrations) || target.length !== entry.header.migrations.length) {
            throw new BackupFileError(
              `The backup belongs to another schema version (${entry.header.migrations.length} migrations, app ${entry.header.appVersion}) than this database (${target.length} migrations). Restore it with the app version that wrote it.`,
            );
          }
          if (filled.length && !options.force) {
            throw new BackupFileError(
              `The target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(", ")}). Restore into an empty database, or use --force to replace its data.`,
            );
          }
          if (filled.length) await tx.execute(sql.raw(`truncate ${tables.map(ident).join(", ")} restart identity cascade`));
          replica = await disableTriggersIfAllowed(tx);
        } else if (entry.t === "table") {
          await finishTable();
          if (!tables.includes(entry.name)) throw new BackupFileError(`The backup has tables this database lacks: ${entry.name}.`);
          expected.set(entry.name, entry.rows);
          // Derived counters are recomputed below: loaded as rows, live triggers would count the sessions twice.
          if (DERIVED_TABLES.has(entry.name) || entry.rows === 0) {
            loaded.add(entry.name);
            continue;
          }
          const columns = (await writableColumns(tx, entry.name)).map(ident).join(", ");
          // With the foreign keys checked (no superuser), a table whose parents are still to come waits in a staging table.
          const ready = replica || order.indexOf(entry.name) < 0 || [...(parentsOf.get(entry.name) ?? [])].every((p) => p === entry.name || loaded.has(p));
          let into = entry.name;
          if (!ready) {
            into = `restore_stage_${stagedCount++}`;
            await tx.execute(sql.raw(`create temp table ${ident(into)} (like ${ident(entry.name)}) on commit drop`));
            waiting.set(entry.name, into);
          }
          table = { name: entry.name, into, columns };
        } else if (entry.t === "rows") {
          if (!table || table.name !== entry.table) continue;
          const { into, columns } = table;
          const override = into === table.name ? " overriding system value" : "";
          await tx.execute(
            sql`${sql.raw(`insert into ${ident(into)} (${columns})${override} select ${columns} from json_populate_recordset(null::${ident(into)}, `)}${`[${entry.rows.join(",")}]`}::json)`,
          );
        } else if (entry.t === "seq") {
          await finishTable();
          await tx.execute(sql`select setval(${ident(entry.name)}::regclass, ${entry.value}::bigint, ${entry.called})`);
        } else if (entry.t === "file") {
          await finishTable();
          // A crafted backup must not write outside the uploads folder.
          if (root && !path.resolve(root, entry.path).startsWith(`${root}${path.sep}`))
            throw new BackupFileError(`The backup holds a file outside the uploads folder: ${entry.path}`);
          if (staging) {
            const target = path.join(staging, entry.path);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, entry.data);
            staged.push(entry.path);
          }
        }
      }
      await finishTable();
      if (waiting.size) throw new Error(`Restoring left ${[...waiting.keys()].join(", ")} waiting for the tables they reference.`);
      await rebuildUsageCounters(tx);
      const after = await tableCounts(tx);
      for (const [name, rows] of expected) {
        if (!DERIVED_TABLES.has(name) && after[name] !== rows) throw new Error(`Restoring ${name} gave ${after[name]} rows instead of ${rows}.`);
      }
      return after;
    });
    if (root && staging) moveFiles(staging, root, staged);
    // Every table was just bulk-loaded: without statistics the embedded database's planner guesses (it has no autovacuum).
    await analyzeDatabase(db);
    return counts;
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Per table, the tables its foreign keys reference. */
async function tableParents(db: Db): Promise<Map<string, Set<string>>> {
  const edges = await db.execute<{ child: string; parent: string }>(
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!parents.has(e.child)) parents.set(e.child, new Set());
    parents.get(e.child)!.add(e.parent);
  }
  return parents;
}

/**
 * Triggers (audit or guard triggers) must not fire for restored rows. Disabling them needs superuser rights
 * (the embedded database has them); without, the dependency order alone has to do.
 */
async function disableTriggersIfAllowed(tx: Db): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(sql`set local session_replication_role = replica`);
    });
    return true;
  } catch {
    // not a superuser: triggers stay on
    return false;
  }
}

/**
 * The staged files under their names, on disk: each file's data before its rename, each folder after (the restore's
 * rows are committed; a power cut must not leave them pointing at empty or missing photos).
 */
export function moveFiles(staging: string, root: string, files: string[]): void {
  const folders = new Set<string>();
  for (const rel of files) {
    const target = path.resolve(root, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    syncPath(path.join(staging, rel));
    fs.renameSync(path.join(staging, rel), target);
    for (let folder = path.dirname(target); folder.startsWith(root) && folder !== path.dirname(root); folder = path.dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) syncPath(folder);
}

/**
 * Other connections of this app (the web server, the broker: every pool sets application_name "makerspace") to
 * the same database. A restore refuses while there are any. The embedded database is one session shared by every
 * client and shows none: there the running launcher is asked (scripts/restore.ts).
 */
export async function otherAppConnections(db: Db): Promise<number> {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and application_name = 'makerspace'`,
  );
  return Number(row?.n ?? 0);
}
