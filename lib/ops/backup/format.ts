/**
 * A backup is one gzip'd file of JSON lines: a header, then per table a table line followed by one line per row
 * (PostgreSQL's own row_to_json text, so no value passes through JavaScript numbers), then sequences, then the
 * uploaded files, then a trailer with the row counts and a SHA-256 of everything before it. A file without a
 * valid trailer is truncated or damaged and is never restored.
 */
export const BACKUP_KIND = "makerspace-backup";
export const BACKUP_FORMAT = 1;
export const BACKUP_SUFFIX = ".msbackup.gz";

export interface MigrationRecord {
  hash: string;
  createdAt: string;
}

export interface BackupHeader {
  kind: typeof BACKUP_KIND;
  format: number;
  appVersion: string;
  createdAt: string;
  /** Rows of drizzle's migrations table: the schema version the data belongs to. */
  migrations: MigrationRecord[];
}

export type BackupLine =
  | { t: "table"; name: string; rows: number }
  | { t: "seq"; name: string; value: string; called: boolean }
  | { t: "file"; path: string; data: string }
  | { t: "end"; tables: Record<string, number>; files: number; sha256: string };

/** Why a file cannot be restored, phrased for the person running `npm run restore`. */
export class BackupFileError extends Error {}

/** Kinds of backup, part of the file name so that retention can treat them apart. */
export type BackupReason = "manual" | "daily" | "pre-upgrade";

/**
 * `backup-20260304-050607.890Z-manual.msbackup.gz`: the moment to the millisecond, and when another backup already
 * took that name (two started in the same millisecond) a number after it (`…890Z-2-manual…`). Names are what
 * retention keeps apart, so two backups must never share one: `reserveBackupFile` (create-backup.ts) takes the
 * first free `n`.
 */
export function backupFileName(at: Date, reason: BackupReason, n = 1): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-");
  return `backup-${stamp}${n > 1 ? `-${n}` : ""}-${reason}${BACKUP_SUFFIX}`;
}

/**
 * The date and reason from a backup file name, or null for any other file. Names of whole seconds (backups
 * written before the milliseconds were added) still parse.
 */
export function parseBackupFileName(name: string): { at: Date; reason: BackupReason } | null {
  const m = /^backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\.\d{3})?Z(?:-[1-9]\d*)?-(manual|daily|pre-upgrade)\.msbackup\.gz$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  return { at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms ?? ""}Z`), reason: reason as BackupReason };
}
