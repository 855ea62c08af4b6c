import { createHash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { BACKUP_FORMAT, BACKUP_KIND, BackupFileError, type BackupHeader, type BackupLine } from "./format";

export interface BackupContents {
  header: BackupHeader;
  tables: { name: string; rows: string[] }[];
  sequences: { name: string; value: string; called: boolean }[];
  files: { path: string; data: Buffer }[];
}

/**
 * Reads and fully checks a backup before anything is restored: gzip intact, our header, every table's row
 * count and the checksum in the trailer. Anything else is a BackupFileError saying what is wrong.
 */
export async function readBackup(file: string): Promise<BackupContents> {
  if (!fs.existsSync(file)) throw new BackupFileError(`There is no file ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const hash = createHash("sha256");
  let header: BackupHeader | null = null;
  let trailer: Extract<BackupLine, { t: "end" }> | null = null;
  const contents: Omit<BackupContents, "header"> = { tables: [], sequences: [], files: [] };
  let current: { name: string; rows: string[]; expected: number } | null = null;
  try {
    for await (const line of lines) {
      if (trailer) throw new BackupFileError(`${file} has data after its end marker; it is damaged.`);
      if (!header) {
        header = parseHeader(line, file);
      } else if (current && current.rows.length < current.expected) {
        current.rows.push(line);
      } else {
        const entry = parseLine(line, file);
        if (entry.t === "end") {
          trailer = entry;
          break;
        }
        if (entry.t === "table") {
          current = { name: entry.name, rows: [], expected: entry.rows };
          contents.tables.push(current);
        } else if (entry.t === "seq") contents.sequences.push({ name: entry.name, value: entry.value, called: entry.called });
        else if (entry.t === "file") contents.files.push({ path: entry.path, data: Buffer.from(entry.data, "base64") });
      }
      hash.update(`${line}\n`);
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(`${file} is not a readable backup (not gzip, or damaged): ${(error as Error).message}`);
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new BackupFileError(`${file} is empty.`);
  if (!trailer) throw new BackupFileError(`${file} is incomplete (no end marker): the backup was cut off or the file is damaged.`);
  if (trailer.sha256 !== hash.digest("hex")) throw new BackupFileError(`${file} is damaged: its checksum does not match.`);
  for (const table of contents.tables) {
    if (trailer.tables[table.name] !== table.rows.length) throw new BackupFileError(`${file} is damaged: table ${table.name} is incomplete.`);
  }
  return { header, ...contents };
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
