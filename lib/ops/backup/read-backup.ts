import { createHash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { BACKUP_FORMAT, BACKUP_KIND, BackupFileError, type BackupHeader, type BackupLine } from "./format";

/** What a backup holds, without its rows (the restore's question shows it). */
export interface BackupSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  sequences: number;
  files: number;
}

/** A whole backup in memory: for tests and small files only (a restore streams, see backupEntries). */
export interface BackupContents {
  header: BackupHeader;
  tables: { name: string; rows: string[] }[];
  sequences: { name: string; value: string; called: boolean }[];
  files: { path: string; data: Buffer }[];
}

export type BackupEntry =
  | { t: "header"; header: BackupHeader }
  | { t: "table"; name: string; rows: number }
  /** The next rows of the last table, as PostgreSQL's row_to_json text: at most `batchRows` or about `batchBytes`. */
  | { t: "rows"; table: string; rows: string[] }
  | { t: "seq"; name: string; value: string; called: boolean }
  | { t: "file"; path: string; data: Buffer };

export interface ReadOptions {
  batchRows?: number;
  batchBytes?: number;
}

/**
 * Streams a backup, line by line from the gzip, rows in batches: memory stays flat whatever the size. The file is
 * checked as it goes (our header, every table's row count, nothing after the end marker) and, once the end marker
 * is reached, against the checksum in it; anything wrong throws a BackupFileError, at the latest when the last
 * entry has been handed out. So whatever a consumer did with the entries counts only once the iteration finished
 * without a throw (restoreBackup works in a transaction that such a throw rolls back).
 */
export async function* backupEntries(file: string, options: ReadOptions = {}): AsyncGenerator<BackupEntry, void, undefined> {
  const batchRows = options.batchRows ?? 500;
  const batchBytes = options.batchBytes ?? 1 << 20;
  if (!fs.existsSync(file)) throw new BackupFileError(`There is no file ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const hash = createHash("sha256");
  let header: BackupHeader | null = null;
  let trailer: Extract<BackupLine, { t: "end" }> | null = null;
  const counts = new Map<string, number>();
  let current: { name: string; expected: number; seen: number } | null = null;
  let batch: string[] = [];
  let batchSize = 0;
  try {
    try {
      for await (const line of lines) {
        if (!header) {
          hash.update(`${line}\n`);
          header = parseHeader(line, file);
          yield { t: "header", header };
        } else if (current && current.seen < current.expected) {
          hash.update(`${line}\n`);
          current.seen++;
          batch.push(line);
          batchSize += line.length;
          if (batch.length >= batchRows || batchSize >= batchBytes || current.seen === current.expected) {
            const rows = batch;
            batch = [];
            batchSize = 0;
            yield { t: "rows", table: current.name, rows };
          }
        } else {
          const entry = parseLine(line, file);
          if (entry.t === "end") {
            trailer = entry;
            break;
          }
          hash.update(`${line}\n`);
          if (entry.t === "table") {
            current = { name: entry.name, expected: entry.rows, seen: 0 };
            counts.set(entry.name, entry.rows);
            yield { t: "table", name: entry.name, rows: entry.rows };
          } else if (entry.t === "seq") yield { t: "seq", name: entry.name, value: entry.value, called: entry.called };
          else if (entry.t === "file") yield { t: "file", path: entry.path, data: Buffer.from(entry.data, "base64") };
        }
      }
    } catch (error) {
      if (error instanceof BackupFileError) throw error;
      throw new BackupFileError(`${file} is not a readable backup (not gzip, or damaged): ${(error as Error).message}`);
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new BackupFileError(`${file} is empty.`);
  if (!trailer) throw new BackupFileError(`${file} is incomplete (no end marker): the backup was cut off or the file is damaged.`);
  if (trailer.sha256 !== hash.digest("hex")) throw new BackupFileError(`${file} is damaged: its checksum does not match.`);
  for (const [name, rows] of counts) {
    if (trailer.tables[name] !== rows) throw new BackupFileError(`${file} is damaged: table ${name} is incomplete.`);
  }
}

/** Checks a whole backup (one streaming pass, nothing kept) and says what it holds. */
export async function checkBackup(file: string): Promise<BackupSummary> {
  let header: BackupHeader | null = null;
  const tables: BackupSummary["tables"] = [];
  let sequences = 0;
  let files = 0;
  for await (const entry of backupEntries(file, { batchRows: 5_000 })) {
    if (entry.t === "header") header = entry.header;
    else if (entry.t === "table") tables.push({ name: entry.name, rows: entry.rows });
    else if (entry.t === "seq") sequences++;
    else if (entry.t === "file") files++;
  }
  return { header: header!, tables, sequences, files };
}

/** Reads and checks a whole backup into memory (tests, small files). */
export async function readBackup(file: string): Promise<BackupContents> {
  let header: BackupHeader | null = null;
  const contents: Omit<BackupContents, "header"> = { tables: [], sequences: [], files: [] };
  for await (const entry of backupEntries(file)) {
    if (entry.t === "header") header = entry.header;
    else if (entry.t === "table") contents.tables.push({ name: entry.name, rows: [] });
    else if (entry.t === "rows") contents.tables.at(-1)!.rows.push(...entry.rows);
    else if (entry.t === "seq") contents.sequences.push({ name: entry.name, value: entry.value, called: entry.called });
    else contents.files.push({ path: entry.path, data: entry.data });
  }
  return { header: header!, ...contents };
}

function parseHeader(line: string, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new BackupFileError(`${file} is not a makerspace backup.`);
  }
  if (header?.kind !== BACKUP_KIND) throw new BackupFileError(`${file} is not a makerspace backup.`);
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupFileError(
      `${file} has backup format ${header.format}; this version reads format ${BACKUP_FORMAT}. Use the app version that wrote it (${header.appVersion}).`,
    );
  }
  return header as BackupHeader;
}

function parseLine(line: string, file: string): BackupLine {
  try {
    const entry = JSON.parse(line) as BackupLine;
    if (["table", "seq", "file", "end"].includes(entry?.t)) return entry;
  } catch {
    // fall through
  }
  throw new BackupFileError(`${file} is damaged: unexpected content.`);
}
