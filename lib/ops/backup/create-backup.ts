import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { syncPath } from "@/lib/fs/sync-path";
import { isEmbeddedDatabase } from "../db-maintenance";
import { appliedMigrations, ident, publicSequences, publicTables, tablesInDependencyOrder } from "./database-layout";
import { BACKUP_FORMAT, BACKUP_KIND, BackupFileError, backupFileName, type BackupHeader, type BackupLine, type BackupReason } from "./format";

export interface CreateBackupOptions {
  /** Folder the backup goes to (DATA_DIR/backups); created when missing. */
  dir: string;
  /** Uploaded files to include (DATA_DIR/uploads); skipped when missing. */
  uploadsDir?: string;
  appVersion: string;
  reason?: BackupReason;
  now?: Date;
  /** Rows fetched per round trip (tests use few, to see several batches). */
  fetchRows?: number;
  /** Told after each table and each uploaded file (the system page's progress bar). */
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupProgress {
  stage: "tables" | "files";
  done: number;
  total: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: Record<string, number>;
  files: number;
}

/**
 * Writes the whole database as of one moment (a REPEATABLE READ READ ONLY transaction: writers carry on, the
 * backup sees none of their later changes) into one gzip'd file. The file appears under its final name only
 * when complete, so a full disk or a crash never leaves something that looks like a backup.
 */
export async function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  let reserved: ReturnType<typeof reserveBackupFile>;
  try {
    fs.mkdirSync(options.dir, { recursive: true });
    fs.accessSync(options.dir, fs.constants.W_OK);
    reserved = reserveBackupFile(options.dir, now, options.reason ?? "manual");
  } catch (error) {
    throw new BackupFileError(`The backup folder ${options.dir} is not writable (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  const { file, temp, fd } = reserved;
  const out = fs.createWriteStream(temp, { fd });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  let failure: Error | null = null;
  const onError = (error: Error) => (failure ??= error);
  out.on("error", onError);
  gzip.on("error", onError);
  const hash = createHash("sha256");
  const write = async (line: string) => {
    if (failure) throw failure;
    const text = `${line}\n`;
    hash.update(text);
    if (gzip.write(text)) return;
    // The losing wait is cancelled: each one left behind is an "error" listener on the file for the whole backup
    // (past ten of them, every backup of some size printed a MaxListenersExceededWarning).
    const waits = new AbortController();
    try {
      await Promise.race([once(gzip, "drain", { signal: waits.signal }), once(out, "error", { signal: waits.signal })]);
    } finally {
      waits.abort();
    }
  };
  const fetchRows = options.fetchRows ?? 1_000;
  const cursors: string[] = [];
  let held = false;
  try {
    const tables: Record<string, number> = {};
    // The embedded database is one session shared by every client (lib/db/embedded/wire-server.ts): a transaction
    // there holds everyone else off, the broker's board writes included. There the snapshot's rows are handed to
    // cursors WITH HOLD, which the database fills at commit (in C, without a round trip per row); the rows are then
    // fetched batch by batch outside any transaction, so other clients' queries run between the batches. On
    // PostgreSQL the backup's own connection reads its snapshot through plain cursors: writers never wait for it.
    const embedded = await isEmbeddedDatabase(db);
    const sequences: BackupLine[] = [];
    const plan: { table: string; cursor: string; rows: number }[] = [];
    await db.transaction(
      async (tx) => {
        const header: BackupHeader = {
          kind: BACKUP_KIND,
          format: BACKUP_FORMAT,
          appVersion: options.appVersion,
          createdAt: now.toISOString(),
          migrations: await appliedMigrations(tx),
        };
        await write(JSON.stringify(header));
        // Parents before children: a restore without the rights to switch foreign keys off loads them in file order.
        const names = await tablesInDependencyOrder(tx, await publicTables(tx));
        if (embedded) await closeLeftCursors(tx);
        for (const [i, table] of names.entries()) {
          const cursor = `${CURSOR_PREFIX}${i}`;
          const [count] = await tx.execute<{ n: string }>(sql.raw(`select count(*)::text as n from ${ident(table)}`));
          await tx.execute(
            sql.raw(`declare ${cursor} no scroll cursor${embedded ? " with hold" : ""} for select row_to_json(t)::text as j from ${ident(table)} t`),
          );
          cursors.push(cursor);
          plan.push({ table, cursor, rows: Number(count!.n) });
        }
        for (const name of await publicSequences(tx)) {
          const [s] = await tx.execute<{ value: string; called: boolean }>(
            sql.raw(`select last_value::text as value, is_called as called from ${ident(name)}`),
          );
          sequences.push({ t: "seq", name, value: s!.value, called: s!.called });
        }
        if (!embedded) await writeTables(tx);
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    held = embedded;
    if (embedded) await writeTables(db);
    for (const line of sequences) await write(JSON.stringify(line));

    async function writeTables(reader: Db): Promise<void> {
      for (const [i, { table, cursor, rows }] of plan.entries()) {
        await write(JSON.stringify({ t: "table", name: table, rows } satisfies BackupLine));
        let seen = 0;
        for (;;) {
          const batch = await reader.execute<{ j: string }>(sql.raw(`fetch ${fetchRows} from ${cursor}`));
          for (const row of batch) await write(row.j);
          seen += batch.length;
          if (batch.length < fetchRows) break;
        }
        await reader.execute(sql.raw(`close ${cursor}`));
        cursors.splice(cursors.indexOf(cursor), 1);
        if (seen !== rows) throw new Error(`Backing up ${table} gave ${seen} rows instead of ${rows}.`);
        tables[table] = rows;
        options.onProgress?.({ stage: "tables", done: i + 1, total: plan.length });
      }
    }
    const files = options.uploadsDir ? listFiles(options.uploadsDir) : [];
    for (const [i, rel] of files.entries()) {
      await write(JSON.stringify({ t: "file", path: rel, data: fs.readFileSync(path.join(options.uploadsDir!, rel)).toString("base64") } satisfies BackupLine));
      options.onProgress?.({ stage: "files", done: i + 1, total: files.length });
    }
    const trailer: BackupLine = { t: "end", tables, files: files.length, sha256: hash.copy().digest("hex") };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await once(out, "close");
    if (failure) throw failure;
    // On disk before it takes its name, and the name on disk: the retention then deletes older backups, so a power
    // cut must not leave an empty file under the new name with the old ones gone.
    syncPath(temp);
    fs.renameSync(temp, file);
    syncPath(path.dirname(file));
    return { file, bytes: fs.statSync(file).size, tables, files: files.length };
  } catch (error) {
    // Cursors WITH HOLD outlive the transaction: closed here, or by the next backup (closeLeftCursors).
    if (held) for (const cursor of cursors) await db.execute(sql.raw(`close ${cursor}`)).catch(() => {});
    gzip.destroy();
    out.destroy();
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOSPC")
      throw new BackupFileError(`The disk holding ${options.dir} is full; no backup was written. Free some space (old backups?) and try again.`);
    if (code === "EACCES" || code === "EROFS") throw new BackupFileError(`The backup folder ${options.dir} is not writable (${code}).`);
    throw error;
  }
}

/**
 * A name no other backup has, with its `.partial` created (exclusively, 0600) to write into. Two backups started
 * in the same millisecond (a button pressed twice, a job beside `npm run backup`) would otherwise write one file
 * and the second rename would replace the first. The final name is looked at again once the partial is ours: a
 * backup that held the same partial a moment ago may just have renamed it to that name.
 */
export function reserveBackupFile(dir: string, at: Date, reason: BackupReason): { file: string; temp: string; fd: number } {
  for (let n = 1; ; n++) {
    const file = path.join(dir, backupFileName(at, reason, n));
    const temp = `${file}.partial`;
    if (fs.existsSync(file)) continue;
    let fd: number;
    try {
      fd = fs.openSync(temp, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    if (!fs.existsSync(file)) return { file, temp, fd };
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
  }
}

const CURSOR_PREFIX = "makerspace_backup_";

/** Cursors a backup that died left in the embedded database's one session (only one backup runs at a time). */
async function closeLeftCursors(db: Db): Promise<void> {
  const left = await db.execute<{ name: string }>(sql`select name from pg_cursors where name like ${`${CURSOR_PREFIX}%`}`);
  for (const { name } of left) await db.execute(sql.raw(`close ${ident(name)}`));
}

/** Every file under dir, as forward-slash paths relative to it. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  visit("");
  return out.sort();
}
