import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rebuildUsageCounters } from "@/drizzle/sql/usage-counters";
import type { Db } from "@/lib/db/client";
import { appliedMigrations, ident, publicTables, tablesInDependencyOrder, writableColumns } from "./database-layout";
import { BackupFileError } from "./format";
import type { BackupContents } from "./read-backup";

const BATCH = 500;
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
 * Restores a checked backup into a database migrated to the same schema version, in one transaction: on any
 * error nothing is left behind. Uploaded files are written only after the data is committed.
 */
export async function restoreBackup(db: Db, backup: BackupContents, options: RestoreOptions = {}): Promise<Record<string, number>> {
  const root = options.uploadsDir ? path.resolve(options.uploadsDir) : null;
  // A crafted backup must not write outside the uploads folder; checked before the database is touched.
  for (const f of backup.files) {
    if (root && !path.resolve(root, f.path).startsWith(`${root}${path.sep}`))
      throw new BackupFileError(`The backup holds a file outside the uploads folder: ${f.path}`);
  }
  const counts = await db.transaction(async (tx) => {
    const target = await appliedMigrations(tx);
    const last = (list: { hash: string }[]) => list.at(-1)?.hash ?? "none";
    if (last(target) !== last(backup.header.migrations) || target.length !== backup.header.migrations.length) {
      throw new BackupFileError(
        `The backup belongs to another schema version (${backup.header.migrations.length} migrations, app ${backup.header.appVersion}) than this database (${target.length} migrations). Restore it with the app version that wrote it.`,
      );
    }
    const tables = await publicTables(tx);
    const unknown = backup.tables.map((t) => t.name).filter((n) => !tables.includes(n));
    if (unknown.length) throw new BackupFileError(`The backup has tables this database lacks: ${unknown.join(", ")}.`);
    const filled = Object.entries(await tableCounts(tx)).filter(([, n]) => n > 0);
    if (filled.length && !options.force) {
      throw new BackupFileError(
        `The target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(", ")}). Restore into an empty database, or use --force to replace its data.`,
      );
    }
    if (filled.length) await tx.execute(sql.raw(`truncate ${tables.map(ident).join(", ")} restart identity cascade`));
    await disableTriggersIfAllowed(tx);
    const byName = new Map(backup.tables.map((t) => [t.name, t.rows]));
    for (const table of await tablesInDependencyOrder(tx, tables)) {
      const rows = byName.get(table);
      // Derived counters are recomputed below: loaded as rows, live triggers would count the sessions twice.
      if (!rows?.length || DERIVED_TABLES.has(table)) continue;
      const columns = (await writableColumns(tx, table)).map(ident).join(", ");
      for (let i = 0; i < rows.length; i += BATCH) {
        const json = `[${rows.slice(i, i + BATCH).join(",")}]`;
        await tx.execute(
          sql`${sql.raw(`insert into ${ident(table)} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${ident(table)}, `)}${json}::json)`,
        );
      }
    }
    for (const s of backup.sequences) {
      await tx.execute(sql`select setval(${ident(s.name)}::regclass, ${s.value}::bigint, ${s.called})`);
    }
    await rebuildUsageCounters(tx);
    const after = await tableCounts(tx);
    for (const t of backup.tables) {
      if (!DERIVED_TABLES.has(t.name) && after[t.name] !== t.rows.length)
        throw new Error(`Restoring ${t.name} gave ${after[t.name]} rows instead of ${t.rows.length}.`);
    }
    return after;
  });
  if (options.uploadsDir) writeFiles(options.uploadsDir, backup.files);
  return counts;
}

/**
 * Triggers (audit or guard triggers) must not fire for restored rows. Disabling them needs superuser rights
 * (the embedded database has them); without, the dependency order alone has to do.
 */
async function disableTriggersIfAllowed(tx: Db): Promise<void> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(sql`set local session_replication_role = replica`);
    });
  } catch {
    // not a superuser: triggers stay on
  }
}

function writeFiles(dir: string, files: BackupContents["files"]): void {
  for (const f of files) {
    const target = path.resolve(dir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.data);
  }
}
